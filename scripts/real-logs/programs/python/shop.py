"""Application code the Python corpus programs call: each function fails the way real code does."""


class PaymentError(Exception):
    def __init__(self, message, code="unknown"):
        super().__init__(message)
        self.code = code


CARTS = {"user:7": ["sku-1"]}


def load_cart(user):
    return CARTS[user]


def open_gateway(host):
    raise ConnectionRefusedError(111, f"Connection refused: {host}:443")


def charge(order_id, amount):
    try:
        open_gateway("payments.internal")
    except OSError as error:
        raise PaymentError(f"charge {order_id} failed ({amount} EUR)", "gateway_down") from error


def parse_quantity(text):
    return int(text)


def reindex(rows):
    try:
        return {row["sku"]: row for row in rows}
    except KeyError:
        return parse_quantity(rows[0].get("qty", "many"))


def check_item(item):
    if item.get("price", 0) < 0:
        raise ValueError(f"negative price for {item['sku']}")
    if not isinstance(item.get("qty"), int):
        raise TypeError(f"qty of {item['sku']} is not an int")


def validate_batch(items):
    problems = []
    for item in items:
        try:
            check_item(item)
        except (ValueError, TypeError) as error:
            problems.append(error)
    if problems:
        raise ExceptionGroup(f"{len(problems)} invalid items", problems)


SCENARIOS = {
    "key-error": lambda: load_cart("user:123"),
    "chained": lambda: charge("o-981", 42),
    "context": lambda: reindex([{"qty": "many"}]),
    "group": lambda: validate_batch([{"sku": "a", "price": -1, "qty": 1}, {"sku": "b", "price": 3, "qty": "2"}]),
}


def run(scenario):
    SCENARIOS[scenario]()
