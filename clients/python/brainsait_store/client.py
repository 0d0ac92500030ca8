from __future__ import annotations

import os
from typing import Any, Mapping, Optional, cast

from ._http import Transport
from .apps import Apps, Developers
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
from .types import AppCredential


class BrainSAITStore:
    """The BrainSAIT Store API, as the integration guide shows it::

        store = BrainSAITStore(api_key="bsk_live_...", tenant_id="acme",
                               base_url="https://store.example.com")
        store.products.list(page=1, limit=20, category="software")

    ``api_key`` or ``access_token`` (from ``store.login(...)``) authenticates, or ``app`` for a
    third-party app: ``{"developer_ref", "app_ref"}`` with a signed ``account_token`` (see
    ``sign_token``) or a ``staff_token``, sent as the app headers. ``base_url``
    defaults to the ``STORE_API_URL`` environment variable. Retries 429, 5xx and network errors
    ``max_retries`` times, honouring Retry-After up to ``max_retry_delay`` seconds.
    """

    def __init__(
        self,
        *,
        tenant_id: str,
        api_key: Optional[str] = None,
        access_token: Optional[str] = None,
        app: Optional[AppCredential] = None,
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
            app=cast(Optional[Mapping[str, str]], app),
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
        self.developers = Developers(self._http)
        self.apps = Apps(self._http)

    def login(self, email: str, password: str) -> "BrainSAITStore":
        """Signs in and uses the access token from now on (15 minutes; see ``auth.refresh``)."""
        tokens = self.auth.login(email, password)
        self._http.access_token = tokens["access_token"]
        self._http.api_key = None
        self._http.app_headers = {}
        self.refresh_token: Optional[str] = tokens.get("refresh_token")
        return self
