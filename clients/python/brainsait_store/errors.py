"""Errors: every non-2xx reply of the Store API, with its {detail, type, code} envelope."""
from __future__ import annotations

from typing import Any, Dict, List, Optional


class StoreError(Exception):
    """Base class of everything this client raises."""


class StoreApiError(StoreError):
    """A non-2xx reply. ``type`` and ``code`` are the API's; subclasses follow ``type``."""

    def __init__(
        self,
        status: int,
        detail: str,
        type: str = "api_error",
        code: str = "UNKNOWN",
        errors: Optional[List[Dict[str, Any]]] = None,
        request_id: Optional[str] = None,
        headers: Optional[Dict[str, str]] = None,
    ) -> None:
        super().__init__(f"{detail} ({code})")
        self.status = status
        self.detail = detail
        self.type = type
        self.code = code
        #: For 422: ``[{"field": "price", "message": "...", "code": "..."}]``.
        self.errors: List[Dict[str, Any]] = errors or []
        self.request_id = request_id
        self.headers: Dict[str, str] = headers or {}


class InvalidRequestError(StoreApiError):
    """400 and 413 (``invalid_request_error``)."""


class AuthenticationError(StoreApiError):
    """401 (``authentication_error``): no, wrong or expired credential."""


class PermissionDeniedError(StoreApiError):
    """403 (``permission_error``): another store's credential, a missing scope or role."""


class NotFoundError(StoreApiError):
    """404 (``not_found_error``)."""


class ConflictError(StoreApiError):
    """409 (``conflict_error``)."""


class ValidationError(StoreApiError):
    """422 (``validation_error``); ``errors`` names each failing field."""


class RateLimitError(StoreApiError):
    """429 (``rate_limit_error``) that outlasted the retries."""


class PaymentError(StoreApiError):
    """402 (``payment_error``): the card or wallet said no."""


class ProviderError(StoreApiError):
    """502/503/504 from Stripe or PayPal (``provider_error``)."""


class StoreConnectionError(StoreError):
    """The request never got an HTTP reply (refused, timed out) after all retries."""


class WebhookVerificationError(StoreError):
    """A webhook delivery whose signature or timestamp does not check out."""


_BY_TYPE = {
    "invalid_request_error": InvalidRequestError,
    "authentication_error": AuthenticationError,
    "permission_error": PermissionDeniedError,
    "not_found_error": NotFoundError,
    "conflict_error": ConflictError,
    "validation_error": ValidationError,
    "rate_limit_error": RateLimitError,
    "payment_error": PaymentError,
    "provider_error": ProviderError,
}
_BY_STATUS = {
    400: InvalidRequestError,
    401: AuthenticationError,
    402: PaymentError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: InvalidRequestError,
    422: ValidationError,
    429: RateLimitError,
}


def error_from_reply(status: int, body: Any, headers: Dict[str, str]) -> StoreApiError:
    """The error class for a reply: by the envelope's ``type``, else by the status."""
    envelope: Dict[str, Any] = body if isinstance(body, dict) else {}
    kind = envelope.get("type")
    cls = _BY_TYPE.get(kind) if isinstance(kind, str) else None
    cls = cls or _BY_STATUS.get(status, StoreApiError)
    detail = envelope.get("detail")
    if not isinstance(detail, str):
        detail = body[:200] if isinstance(body, str) and body else f"HTTP {status}"
    return cls(
        status,
        detail,
        type=kind if isinstance(kind, str) else "api_error",
        code=str(envelope.get("code") or "UNKNOWN"),
        errors=envelope.get("errors") if isinstance(envelope.get("errors"), list) else None,
        request_id=envelope.get("request_id"),
        headers=headers,
    )
