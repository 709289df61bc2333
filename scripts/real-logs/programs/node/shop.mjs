/** Application code the Node corpus programs call: each function fails the way real code does. */

class PaymentError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'PaymentError';
    this.code = 'GATEWAY_DOWN';
    this.orderId = 'o-981';
  }
}

function readCart(user) {
  const carts = { 'user:7': { items: [] } };
  return carts[user].items.length;
}

function connectGateway(host) {
  const error = new Error(`connect ECONNREFUSED ${host}:443`);
  error.code = 'ECONNREFUSED';
  error.errno = -111;
  throw error;
}

function charge(orderId, amount) {
  try {
    connectGateway('10.0.4.12');
  } catch (error) {
    throw new PaymentError(`charge ${orderId} failed (${amount} EUR)`, { cause: error });
  }
}

function checkItem(item) {
  if (item.price < 0) throw new RangeError(`negative price for ${item.sku}`);
  if (typeof item.qty !== 'number') throw new TypeError(`qty of ${item.sku} is not a number`);
}

function validateBatch(items) {
  const problems = [];
  for (const item of items) {
    try {
      checkItem(item);
    } catch (error) {
      problems.push(error);
    }
  }
  if (problems.length > 0) throw new AggregateError(problems, `${problems.length} invalid items`);
}

const scenarios = {
  'type-error': () => readCart('user:123'),
  chained: () => charge('o-981', 42),
  aggregate: () =>
    validateBatch([
      { sku: 'a', price: -1, qty: 1 },
      { sku: 'b', price: 3, qty: '2' },
    ]),
};

function run(scenario) {
  scenarios[scenario]();
}

export { run };
