"""Python client for the BrainSAIT Store API (standard library only, Python 3.9+)."""
from .apps import sign_token
from .client import BrainSAITStore
from .errors import (
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PaymentError,
    PermissionDeniedError,
    ProviderError,
    RateLimitError,
    StoreApiError,
    StoreConnectionError,
    StoreError,
    ValidationError,
    WebhookVerificationError,
)
from .webhooks import verify_webhook

__version__ = "0.1.0"
__all__ = [
    "BrainSAITStore",
    "verify_webhook",
    "sign_token",
    "StoreError",
    "StoreApiError",
    "StoreConnectionError",
    "InvalidRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitError",
    "PaymentError",
    "ProviderError",
    "WebhookVerificationError",
]
