/** Stack traces as the runtimes print them (copied shapes, invented paths and values). */

export function pythonKeyError(key: string, line = 42): string {
  return [
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app',
    '    response = self.full_dispatch_request()',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 882, in full_dispatch_request',
    '    rv = self.dispatch_request()',
    `  File "/app/api/orders.py", line ${line}, in get_order`,
    "    customer = order['customer'][" + `'${key}'` + ']',
    '               ~~~~~~~~~~~~~~~~~^^^^^^^^',
    `KeyError: '${key}'`,
  ].join('\n');
}

export function pythonChained(orderId: number): string {
  return [
    'Traceback (most recent call last):',
    '  File "/app/api/payments.py", line 17, in charge',
    '    result = gateway.charge(order_id)',
    '  File "/app/api/gateway.py", line 88, in charge',
    '    raise TimeoutError(f"gateway timed out after {elapsed}s")',
    'TimeoutError: gateway timed out after 30s',
    'During handling of the above exception, another exception occurred:',
    'Traceback (most recent call last):',
    '  File "/app/api/views.py", line 55, in checkout',
    '    charge(order)',
    '  File "/app/api/payments.py", line 21, in charge',
    `    raise PaymentError(f"charge failed for order {order_id}")`,
    `app.errors.PaymentError: charge failed for order ${orderId}`,
  ].join('\n');
}

export function nodeTypeError(column = 27): string {
  return [
    "TypeError: Cannot read properties of undefined (reading 'email')",
    `    at UserService.notify (/app/src/services/user-service.js:88:${column})`,
    '    at async OrderController.create (/app/src/controllers/order-controller.js:41:5)',
    '    at async /app/node_modules/express-async-handler/index.js:3:12',
  ].join('\n');
}

export function nodeConnRefused(port: number): string {
  return [
    `Error: connect ECONNREFUSED 10.0.3.17:${port}`,
    '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {',
    '  errno: -111,',
    "  code: 'ECONNREFUSED',",
    "  syscall: 'connect',",
    "  address: '10.0.3.17',",
    `  port: ${port}`,
    '}',
  ].join('\n');
}

export function javaTrace(orderId: string): string {
  return [
    `Exception in thread "main" java.lang.IllegalStateException: Order ${orderId} is already shipped`,
    '\tat com.acme.orders.OrderService.cancel(OrderService.java:214)',
    '\tat com.acme.orders.OrderController.cancel(OrderController.java:57)',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
    '\tat com.acme.Main.main(Main.java:12)',
    'Caused by: java.sql.SQLException: Lock wait timeout exceeded; try restarting transaction',
    '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)',
    '\tat com.acme.orders.OrderRepository.lock(OrderRepository.java:77)',
    '\t... 3 more',
  ].join('\n');
}

export function goPanic(index: number, length: number): string {
  return [
    `panic: runtime error: index out of range [${index}] with length ${length}`,
    '',
    'goroutine 34 [running]:',
    'github.com/acme/api/internal/cart.(*Cart).Item(...)',
    '\t/src/internal/cart/cart.go:61',
    'github.com/acme/api/internal/http.(*Server).handleCart(0xc0001a2000, {0x8b1f40, 0xc0002b40e0}, 0xc000236300)',
    '\t/src/internal/http/cart.go:29 +0x1d4',
    'net/http.HandlerFunc.ServeHTTP(0x0?, {0x8b1f40?, 0xc0002b40e0?}, 0x4a1b25?)',
    '\t/usr/local/go/src/net/http/server.go:2166 +0x29',
    'created by net/http.(*Server).Serve in goroutine 1',
    '\t/usr/local/go/src/net/http/server.go:3285 +0x4b4',
  ].join('\n');
}
