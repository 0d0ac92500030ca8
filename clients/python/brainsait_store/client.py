from __future__ import annotations

import os
from typing import Any, Optional

from ._http import Transport
from .resources import (
    Analytics,
    Invoices,
    ApiKeys,
    Audit,
    Auth,
    Orders,
    Payments,
    Products,
    Settings,
    Team,
    Webhooks,
)


class BrainSAITStore:
    """The BrainSAIT Store API, as the integration guide shows it::

        store = BrainSAITStore(api_key="bsk_live_...", tenant_id="acme",
                               base_url="https://store.example.com")
        store.products.list(page=1, limit=20, category="software")

    ``api_key`` or ``access_token`` (from ``store.login(...)``) authenticates; ``base_url``
    defaults to the ``STORE_API_URL`` environment variable. Retries 429, 5xx and network errors
    ``max_retries`` times, honouring Retry-After up to ``max_retry_delay`` seconds.
    """

    def __init__(
        self,
        *,
        tenant_id: str,
        api_key: Optional[str] = None,
        access_token: Optional[str] = None,
        base_url: Optional[str] = None,
        max_retries: int = 2,
        max_retry_delay: float = 60.0,
        timeout: float = 30.0,
        **transport_options: Any,
    ) -> None:
        url = base_url or os.environ.get("STORE_API_URL")
        if not url:
            raise ValueError("base_url is required (or set STORE_API_URL)")
        self._http = Transport(
            base_url=url,
            tenant_id=tenant_id,
            api_key=api_key,
            access_token=access_token,
            max_retries=max_retries,
            max_retry_delay=max_retry_delay,
            timeout=timeout,
            **transport_options,
        )
        self.auth = Auth(self._http)
        self.products = Products(self._http)
        self.orders = Orders(self._http)
        self.payments = Payments(self._http)
        self.analytics = Analytics(self._http)
        self.invoices = Invoices(self._http)
        self.webhooks = Webhooks(self._http)
        self.api_keys = ApiKeys(self._http)
        self.team = Team(self._http)
        self.settings = Settings(self._http)
        self.audit = Audit(self._http)

    def login(self, email: str, password: str) -> "BrainSAITStore":
        """Signs in and uses the access token from now on (15 minutes; see ``auth.refresh``)."""
        tokens = self.auth.login(email, password)
        self._http.access_token = tokens["access_token"]
        self._http.api_key = None
        self.refresh_token: Optional[str] = tokens.get("refresh_token")
        return self
