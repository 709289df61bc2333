"""A Python Lambda function: logs through the root logger the runtime configured, prints, and
either handles its failure (logger.exception) or lets it escape to the runtime."""
import logging

import corpus_truth
import shop

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event, context):
    tag = f"openReplaySession.id={event['sessionId']}"
    corpus_truth.call("info")
    logger.info("%s checkout started for cart %s", tag, event["n"])
    corpus_truth.call("none")  # print() states no level
    print(f"{tag} loaded 3 items")
    if event["scenario"] == "ok":
        return {"statusCode": 200}
    if event["style"] == "handled":
        try:
            shop.run(event["scenario"])
        except Exception as error:
            corpus_truth.call("error", error=error)
            logger.exception("%s checkout failed", tag)
            return {"statusCode": 500}
    # Unhandled: the error names the session, and the runtime logs it (its simulation records the truth).
    try:
        shop.run(event["scenario"])
    except Exception as error:
        raise CheckoutError(f"{tag} checkout failed") from error


class CheckoutError(Exception):
    pass
