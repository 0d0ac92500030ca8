"""Verifying the store's webhook deliveries (docs/webhooks.md), both signature schemes."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, Iterable, Mapping, Optional, Tuple, Union, cast

from .errors import WebhookVerificationError
from .types import WebhookEvent

Headers = Union[Mapping[str, Any], Iterable[Tuple[str, Any]]]


def _header(headers: Headers, name: str) -> Optional[str]:
    items = headers.items() if hasattr(headers, "items") else headers  # type: ignore[union-attr]
    for key, value in items:
        if str(key).lower() == name:
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            return None if value is None else str(value)
    return None


def verify_webhook(
    raw_body: Union[bytes, str],
    headers: Headers,
    secret: str,
    *,
    tolerance: float = 300,
    now: Optional[float] = None,
) -> WebhookEvent:
    """Checks a delivery against its raw body (the bytes received, never re-serialized JSON) and
    returns the parsed event. Prefers the Standard Webhooks headers (webhook-id, -timestamp,
    -signature ``v1,<base64>``: replay-protected, at most ``tolerance`` seconds old, either secret
    during a rotation); falls back to ``X-Webhook-Signature: sha256=<hex HMAC of the body>``.
    Raises WebhookVerificationError."""
    body = raw_body.encode("utf-8") if isinstance(raw_body, str) else bytes(raw_body)
    message_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signature = _header(headers, "webhook-signature")
    if message_id and timestamp and signature:
        try:
            seconds = int(timestamp)
        except ValueError:
            raise WebhookVerificationError("The webhook-timestamp is not a number") from None
        current = time.time() if now is None else now
        if abs(current - seconds) > tolerance:
            raise WebhookVerificationError(
                "Timestamp outside the tolerance: a replay, or a clock far off"
            )
        key_text = secret[len("whsec_") :] if secret.startswith("whsec_") else secret
        try:
            key = base64.b64decode(key_text, validate=True)
        except ValueError:
            raise WebhookVerificationError("The secret is not a whsec_ base64 secret") from None
        signed = message_id.encode("utf-8") + b"." + timestamp.encode("ascii") + b"." + body
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        given = [part.split(",", 1)[1] for part in signature.split() if part.startswith("v1,")]
        if not any(hmac.compare_digest(g.encode(), expected.encode()) for g in given):
            raise WebhookVerificationError("No signature matches")
    else:
        legacy = _header(headers, "x-webhook-signature")
        if not legacy:
            raise WebhookVerificationError("No signature headers")
        digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(legacy.encode(), f"sha256={digest}".encode()):
            raise WebhookVerificationError("Signature does not match")
    try:
        return cast(WebhookEvent, json.loads(body.decode("utf-8")))
    except ValueError:
        raise WebhookVerificationError("The body is not JSON") from None
