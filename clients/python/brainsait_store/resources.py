"""The API's resources. Each method is one operation; ``METHODS`` below lists them for the check
that keeps this client in step with the OpenAPI document (tests/unit/client-coverage.test.ts)."""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, cast
from urllib.parse import quote

from ._http import Transport
from .types import (
    AnalyticsOverview,
    ApiKey,
    Order,
    OrderInput,
    Page,
    Payment,
    PayPalOrder,
    Product,
    ProductInput,
    StripeIntent,
    Tokens,
    WebhookEndpoint,
)


def _seg(value: str) -> str:
    return quote(str(value), safe="")


def _iterate(fetch: Callable[..., Page], params: Dict[str, Any]) -> Iterator[Any]:
    """Every item of a paged list, a page at a time (``limit`` per page, 100 at most)."""
    page = int(params.pop("page", None) or 1)
    params.setdefault("limit", 100)
    while True:
        reply = fetch(page=page, **params)
        yield from reply["data"]
        if page >= reply["pagination"]["pages"] or not reply["data"]:
            return
        page += 1


def _major_to_minor(amount: Any, currency: str) -> int:
    """299.99 USD -> 29999, with decimal arithmetic (never ``* 100``); JPY 0, KWD 3 decimals."""
    from decimal import Decimal

    digits = 0 if currency.upper() in _ZERO_DECIMAL else 3 if currency.upper() in _THREE else 2
    value = Decimal(str(amount)).scaleb(digits)
    if value != value.to_integral_value():
        raise ValueError(f"{amount} has more decimals than {currency.upper()} allows")
    return int(value)


# As lib/money.ts: ISO 4217 minor units of the currencies that do not have two.
_ZERO_DECIMAL = frozenset(
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split()
)
_THREE = frozenset("BHD IQD JOD KWD LYD OMR TND".split())


class _Resource:
    def __init__(self, http: Transport) -> None:
        self._http = http


class Auth(_Resource):
    def login(self, email: str, password: str) -> Tokens:
        return cast(
            Tokens,
            self._http.request(
                "POST", "/api/v1/auth/login", json_body={"email": email, "password": password}
            ),
        )

    def refresh(self, refresh_token: str) -> Tokens:
        body = {"refresh_token": refresh_token}
        return cast(Tokens, self._http.request("POST", "/api/v1/auth/refresh", json_body=body))

    def logout(self, refresh_token: Optional[str] = None) -> None:
        body = {"refresh_token": refresh_token} if refresh_token else {}
        self._http.request("POST", "/api/v1/auth/logout", json_body=body)

    def me(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/auth/me"))


class Products(_Resource):
    def list(self, **params: Any) -> Page:
        """``page, limit (1-100), category, status, q, sort`` (e.g. ``sort="-created_at"``)."""
        return cast(Page, self._http.request("GET", "/api/v1/store/products", query=params))

    def iterate(self, **params: Any) -> Iterator[Product]:
        """Every matching product, across pages."""
        return _iterate(self.list, params)

    def get(self, product_id: str) -> Product:
        path = f"/api/v1/store/products/{_seg(product_id)}"
        return cast(Product, self._http.request("GET", path))

    def create(self, product: ProductInput, *, idempotency_key: Optional[str] = None) -> Product:
        return cast(
            Product,
            self._http.request(
                "POST",
                "/api/v1/store/products",
                json_body=product,
                idempotency_key=idempotency_key,
            ),
        )

    def update(self, product_id: str, changes: ProductInput) -> Product:
        path = f"/api/v1/store/products/{_seg(product_id)}"
        return cast(Product, self._http.request("PATCH", path, json_body=changes))

    def delete(self, product_id: str) -> Dict[str, Any]:
        """Deletes it, or archives it when orders reference it (the reply says which)."""
        path = f"/api/v1/store/products/{_seg(product_id)}"
        return cast(Dict[str, Any], self._http.request("DELETE", path))

    def bulk(self, action: str, ids: List[str]) -> Dict[str, Any]:
        """``action``: activate, archive or draft."""
        body = {"action": action, "ids": ids}
        return cast(
            Dict[str, Any],
            self._http.request("POST", "/api/v1/store/products/bulk", json_body=body),
        )

    def categories(self) -> Dict[str, Any]:
        return cast(
            Dict[str, Any], self._http.request("GET", "/api/v1/store/products/categories")
        )

    def name_category(self, category: str, names: Optional[Dict[str, str]]) -> Dict[str, Any]:
        """Names a category in English and Arabic ({"en": ..., "ar": ...}); None forgets them."""
        return cast(
            Dict[str, Any],
            self._http.request(
                "PUT",
                "/api/v1/store/products/categories/names",
                json_body={"category": category, "names": names},
            ),
        )

    def export_csv(self, **params: Any) -> str:
        """The catalogue as CSV text, with the list's filters."""
        return self._http.send(
            "GET", "/api/v1/store/products/export", query=params, accept="text/csv"
        ).text

    def import_csv(self, csv_text: str) -> Dict[str, Any]:
        """All rows or none: ``{created, updated, errors}`` (errors per row and column)."""
        return cast(
            Dict[str, Any],
            self._http.request(
                "POST",
                "/api/v1/store/products/import",
                body=csv_text.encode("utf-8"),
                content_type="text/csv; charset=utf-8",
            ),
        )


class Orders(_Resource):
    def list(self, **params: Any) -> Page:
        """``page, limit, status, source, q, start_date, end_date, sort``."""
        return cast(Page, self._http.request("GET", "/api/v1/store/orders", query=params))

    def iterate(self, **params: Any) -> Iterator[Order]:
        return _iterate(self.list, params)

    def get(self, order_id: str) -> Order:
        path = f"/api/v1/store/orders/{_seg(order_id)}"
        return cast(Order, self._http.request("GET", path))

    def create(self, order: OrderInput, *, idempotency_key: Optional[str] = None) -> Order:
        """With ``external_id`` (and ``source``) a repeat returns the existing order."""
        return cast(
            Order,
            self._http.request(
                "POST", "/api/v1/store/orders", json_body=order, idempotency_key=idempotency_key
            ),
        )

    def update(self, order_id: str, changes: Mapping[str, Any]) -> Order:
        path = f"/api/v1/store/orders/{_seg(order_id)}"
        return cast(Order, self._http.request("PATCH", path, json_body=dict(changes)))

    def export_csv(self, **params: Any) -> str:
        return self._http.send(
            "GET", "/api/v1/store/orders/export", query=params, accept="text/csv"
        ).text


class Payments(_Resource):
    def create_stripe_intent(
        self,
        amount: Any,
        currency: str,
        *,
        order_id: Optional[str] = None,
        payment_method: Optional[str] = None,
        description: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> StripeIntent:
        """``amount`` in major units (``299.99``), sent to the API in minor units."""
        body: Dict[str, Any] = {
            "amount": _major_to_minor(amount, currency),
            "currency": currency.strip().lower(),
        }
        for key, value in (
            ("order_id", order_id),
            ("payment_method", payment_method),
            ("description", description),
        ):
            if value is not None:
                body[key] = value
        return cast(
            StripeIntent,
            self._http.request(
                "POST",
                "/api/v1/payments/stripe/create-payment-intent",
                json_body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def create_paypal_order(
        self, *, currency: str, idempotency_key: Optional[str] = None, **fields: Any
    ) -> PayPalOrder:
        """``items?, order_id?, return_url?, cancel_url?`` beside ``currency``."""
        body = {"currency": currency, **fields}
        return cast(
            PayPalOrder,
            self._http.request(
                "POST",
                "/api/v1/payments/paypal/create-order",
                json_body=body,
                idempotency_key=idempotency_key,
            ),
        )

    def capture_paypal_order(self, paypal_order_id: str) -> Payment:
        path = f"/api/v1/payments/paypal/capture/{_seg(paypal_order_id)}"
        return cast(Payment, self._http.request("POST", path))

    def record_manual(
        self, order_id: str, method: str, *, idempotency_key: Optional[str] = None, **fields: Any
    ) -> Payment:
        """``method``: bank_transfer or cash_on_delivery; ``reference?``, ``amount?``."""
        body = {"order_id": order_id, "method": method, **fields}
        return cast(
            Payment,
            self._http.request(
                "POST", "/api/v1/payments/manual", json_body=body, idempotency_key=idempotency_key
            ),
        )

    def refund(
        self,
        payment_id: str,
        *,
        amount: Any = None,
        reason: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> Dict[str, Any]:
        """All of what is left without ``amount`` (major units). Owners and admins only."""
        body: Dict[str, Any] = {}
        if amount is not None:
            body["amount"] = amount
        if reason is not None:
            body["reason"] = reason
        path = f"/api/v1/payments/{_seg(payment_id)}/refund"
        return cast(
            Dict[str, Any],
            self._http.request("POST", path, json_body=body, idempotency_key=idempotency_key),
        )

    def list(self, **params: Any) -> Page:
        """``status, provider, order_id, q, start_date, end_date, sort, page, limit``."""
        return cast(Page, self._http.request("GET", "/api/v1/payments", query=params))

    def iterate(self, **params: Any) -> Iterator[Payment]:
        return _iterate(self.list, params)

    def get(self, payment_id: str) -> Payment:
        return cast(Payment, self._http.request("GET", f"/api/v1/payments/{_seg(payment_id)}"))

    def export_csv(self, **params: Any) -> str:
        return self._http.send(
            "GET", "/api/v1/payments/export", query=params, accept="text/csv"
        ).text

    def settings(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/payments/settings"))

    def update_settings(self, provider: str, settings: Mapping[str, Any]) -> Dict[str, Any]:
        """``provider``: stripe, paypal or manual; omitted fields keep their value."""
        if provider not in ("stripe", "paypal", "manual"):
            raise ValueError("provider must be stripe, paypal or manual")
        path = f"/api/v1/payments/settings/{provider}"
        return cast(Dict[str, Any], self._http.request("PUT", path, json_body=dict(settings)))

    def disconnect(self, provider: str) -> Dict[str, Any]:
        path = f"/api/v1/payments/settings/{_seg(provider)}"
        return cast(Dict[str, Any], self._http.request("DELETE", path))

    def test_connection(self, provider: str) -> Dict[str, Any]:
        path = f"/api/v1/payments/settings/{_seg(provider)}/test"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def checkout_link(self, order_id: str) -> Dict[str, Any]:
        path = f"/api/v1/payments/checkout-links/{_seg(order_id)}"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def create_checkout_link(self, order_id: str) -> Dict[str, Any]:
        path = f"/api/v1/payments/checkout-links/{_seg(order_id)}"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def revoke_checkout_link(self, order_id: str) -> None:
        self._http.request("DELETE", f"/api/v1/payments/checkout-links/{_seg(order_id)}")


class Analytics(_Resource):
    def get_overview(
        self, *, start_date: Optional[str] = None, end_date: Optional[str] = None
    ) -> AnalyticsOverview:
        """``start_date``/``end_date``: YYYY-MM-DD, days in the store's time zone."""
        query = {"start_date": start_date, "end_date": end_date}
        return cast(
            AnalyticsOverview,
            self._http.request("GET", "/api/v1/analytics/overview", query=query),
        )


class Invoices(_Resource):
    """Tax invoices and credit notes: read-only but for issuing one by hand."""

    def list(self, **params: Any) -> Page:
        """``page, limit, kind, q, start_date, end_date, sort``."""
        return cast(Page, self._http.request("GET", "/api/v1/invoices", query=params))

    def iterate(self, **params: Any) -> Iterator[Dict[str, Any]]:
        return _iterate(self.list, params)

    def get(self, invoice_id: str) -> Dict[str, Any]:
        """The document with ``qr`` (base64 TLV), ``qr_fields`` and ``customer_url``."""
        path = f"/api/v1/invoices/{_seg(invoice_id)}"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def for_order(self, order_id: str) -> Dict[str, Any]:
        """The order's invoice and credit notes, oldest first, under ``data``."""
        path = f"/api/v1/store/orders/{_seg(order_id)}/invoices"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def issue(self, order_id: str) -> Dict[str, Any]:
        """Issues the order's invoice if it has none; returns the one it has otherwise."""
        path = f"/api/v1/store/orders/{_seg(order_id)}/invoices"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def export_csv(self, **params: Any) -> str:
        return self._http.send(
            "GET", "/api/v1/invoices/export", query=params, accept="text/csv"
        ).text


class Webhooks(_Resource):
    def list(self) -> Dict[str, List[WebhookEndpoint]]:
        return cast(Dict[str, List[WebhookEndpoint]], self._http.request("GET", "/api/v1/webhooks"))

    def create(
        self, url: str, events: List[str], description: Optional[str] = None
    ) -> WebhookEndpoint:
        """The reply's ``secret`` is the signing secret (``secret()`` reads it again)."""
        body: Dict[str, Any] = {"url": url, "events": events}
        if description is not None:
            body["description"] = description
        return cast(WebhookEndpoint, self._http.request("POST", "/api/v1/webhooks", json_body=body))

    def get(self, endpoint_id: str) -> WebhookEndpoint:
        path = f"/api/v1/webhooks/{_seg(endpoint_id)}"
        return cast(WebhookEndpoint, self._http.request("GET", path))

    def update(self, endpoint_id: str, changes: Mapping[str, Any]) -> WebhookEndpoint:
        path = f"/api/v1/webhooks/{_seg(endpoint_id)}"
        return cast(WebhookEndpoint, self._http.request("PATCH", path, json_body=dict(changes)))

    def delete(self, endpoint_id: str) -> None:
        self._http.request("DELETE", f"/api/v1/webhooks/{_seg(endpoint_id)}")

    def secret(self, endpoint_id: str) -> str:
        path = f"/api/v1/webhooks/{_seg(endpoint_id)}/secret"
        return cast(str, self._http.request("GET", path)["secret"])

    def rotate_secret(self, endpoint_id: str) -> Dict[str, Any]:
        path = f"/api/v1/webhooks/{_seg(endpoint_id)}/rotate-secret"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def send_test(self, endpoint_id: str) -> Dict[str, Any]:
        """Sends a ``webhook.test`` event now: ``{delivery_id, attempt}``."""
        path = f"/api/v1/webhooks/{_seg(endpoint_id)}/test"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def deliveries(self, endpoint_id: str, **params: Any) -> Page:
        path = f"/api/v1/webhooks/{_seg(endpoint_id)}/deliveries"
        return cast(Page, self._http.request("GET", path, query=params))

    def delivery(self, delivery_id: str) -> Dict[str, Any]:
        path = f"/api/v1/webhook-deliveries/{_seg(delivery_id)}"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def resend(self, delivery_id: str) -> Dict[str, Any]:
        path = f"/api/v1/webhook-deliveries/{_seg(delivery_id)}/resend"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def recent_events(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/events/recent"))


class ApiKeys(_Resource):
    def list(self) -> Dict[str, List[ApiKey]]:
        return cast(Dict[str, List[ApiKey]], self._http.request("GET", "/api/v1/api-keys"))

    def create(self, name: str, scopes: List[str], **fields: Any) -> ApiKey:
        """The reply's ``key`` is the whole key, shown this once."""
        body = {"name": name, "scopes": scopes, **fields}
        return cast(ApiKey, self._http.request("POST", "/api/v1/api-keys", json_body=body))

    def roll(self, key_id: str, grace_hours: int = 0) -> ApiKey:
        path = f"/api/v1/api-keys/{_seg(key_id)}/roll"
        body = {"grace_hours": grace_hours}
        return cast(ApiKey, self._http.request("POST", path, json_body=body))

    def revoke(self, key_id: str) -> None:
        self._http.request("DELETE", f"/api/v1/api-keys/{_seg(key_id)}")


class Team(_Resource):
    def list(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/users"))

    def update(self, user_id: str, changes: Mapping[str, Any]) -> Dict[str, Any]:
        path = f"/api/v1/users/{_seg(user_id)}"
        return cast(Dict[str, Any], self._http.request("PATCH", path, json_body=dict(changes)))

    def invite(self, email: str, role: str) -> Dict[str, Any]:
        body = {"email": email, "role": role}
        return cast(
            Dict[str, Any], self._http.request("POST", "/api/v1/users/invitations", json_body=body)
        )

    def invitations(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/users/invitations"))

    def revoke_invitation(self, invitation_id: str) -> None:
        self._http.request("DELETE", f"/api/v1/users/invitations/{_seg(invitation_id)}")


class Settings(_Resource):
    def get(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/store/settings"))

    def update(self, changes: Mapping[str, Any]) -> Dict[str, Any]:
        return cast(
            Dict[str, Any],
            self._http.request("PATCH", "/api/v1/store/settings", json_body=dict(changes)),
        )


class Audit(_Resource):
    def list(self, **params: Any) -> Page:
        return cast(Page, self._http.request("GET", "/api/v1/audit-log", query=params))


#: Every method and the operation it calls, for tests/unit/client-coverage.test.ts.
METHODS = {
    "auth.login": "POST /api/v1/auth/login",
    "auth.refresh": "POST /api/v1/auth/refresh",
    "auth.logout": "POST /api/v1/auth/logout",
    "auth.me": "GET /api/v1/auth/me",
    "products.list": "GET /api/v1/store/products",
    "products.get": "GET /api/v1/store/products/{id}",
    "products.create": "POST /api/v1/store/products",
    "products.update": "PATCH /api/v1/store/products/{id}",
    "products.delete": "DELETE /api/v1/store/products/{id}",
    "products.bulk": "POST /api/v1/store/products/bulk",
    "products.categories": "GET /api/v1/store/products/categories",
    "products.name_category": "PUT /api/v1/store/products/categories/names",
    "products.export_csv": "GET /api/v1/store/products/export",
    "products.import_csv": "POST /api/v1/store/products/import",
    "orders.list": "GET /api/v1/store/orders",
    "orders.get": "GET /api/v1/store/orders/{id}",
    "orders.create": "POST /api/v1/store/orders",
    "orders.update": "PATCH /api/v1/store/orders/{id}",
    "orders.export_csv": "GET /api/v1/store/orders/export",
    "payments.create_stripe_intent": "POST /api/v1/payments/stripe/create-payment-intent",
    "payments.create_paypal_order": "POST /api/v1/payments/paypal/create-order",
    "payments.capture_paypal_order": "POST /api/v1/payments/paypal/capture/{id}",
    "payments.record_manual": "POST /api/v1/payments/manual",
    "payments.refund": "POST /api/v1/payments/{id}/refund",
    "payments.list": "GET /api/v1/payments",
    "payments.get": "GET /api/v1/payments/{id}",
    "payments.export_csv": "GET /api/v1/payments/export",
    "payments.settings": "GET /api/v1/payments/settings",
    "payments.update_settings[stripe]": "PUT /api/v1/payments/settings/stripe",
    "payments.update_settings[paypal]": "PUT /api/v1/payments/settings/paypal",
    "payments.update_settings[manual]": "PUT /api/v1/payments/settings/manual",
    "payments.disconnect": "DELETE /api/v1/payments/settings/{provider}",
    "payments.test_connection": "POST /api/v1/payments/settings/{provider}/test",
    "payments.checkout_link": "GET /api/v1/payments/checkout-links/{order_id}",
    "payments.create_checkout_link": "POST /api/v1/payments/checkout-links/{order_id}",
    "payments.revoke_checkout_link": "DELETE /api/v1/payments/checkout-links/{order_id}",
    "analytics.get_overview": "GET /api/v1/analytics/overview",
    "invoices.list": "GET /api/v1/invoices",
    "invoices.get": "GET /api/v1/invoices/{id}",
    "invoices.for_order": "GET /api/v1/store/orders/{id}/invoices",
    "invoices.issue": "POST /api/v1/store/orders/{id}/invoices",
    "invoices.export_csv": "GET /api/v1/invoices/export",
    "webhooks.list": "GET /api/v1/webhooks",
    "webhooks.create": "POST /api/v1/webhooks",
    "webhooks.get": "GET /api/v1/webhooks/{id}",
    "webhooks.update": "PATCH /api/v1/webhooks/{id}",
    "webhooks.delete": "DELETE /api/v1/webhooks/{id}",
    "webhooks.secret": "GET /api/v1/webhooks/{id}/secret",
    "webhooks.rotate_secret": "POST /api/v1/webhooks/{id}/rotate-secret",
    "webhooks.send_test": "POST /api/v1/webhooks/{id}/test",
    "webhooks.deliveries": "GET /api/v1/webhooks/{id}/deliveries",
    "webhooks.delivery": "GET /api/v1/webhook-deliveries/{id}",
    "webhooks.resend": "POST /api/v1/webhook-deliveries/{id}/resend",
    "webhooks.recent_events": "GET /api/v1/events/recent",
    "api_keys.list": "GET /api/v1/api-keys",
    "api_keys.create": "POST /api/v1/api-keys",
    "api_keys.roll": "POST /api/v1/api-keys/{id}/roll",
    "api_keys.revoke": "DELETE /api/v1/api-keys/{id}",
    "team.list": "GET /api/v1/users",
    "team.update": "PATCH /api/v1/users/{id}",
    "team.invite": "POST /api/v1/users/invitations",
    "team.invitations": "GET /api/v1/users/invitations",
    "team.revoke_invitation": "DELETE /api/v1/users/invitations/{id}",
    "settings.get": "GET /api/v1/store/settings",
    "settings.update": "PATCH /api/v1/store/settings",
    "audit.list": "GET /api/v1/audit-log",
    # apps.py
    "developers.register": "POST /api/v1/developers",
    "developers.list": "GET /api/v1/developers",
    "developers.get": "GET /api/v1/developers/{ref}",
    "developers.rotate_secret": "POST /api/v1/developers/{ref}/rotate-secret",
    "developers.apps": "GET /api/v1/developers/{ref}/apps",
    "developers.create_app": "POST /api/v1/developers/{ref}/apps",
    "developers.app": "GET /api/v1/developers/{ref}/apps/{app_ref}",
    "developers.update_app": "PATCH /api/v1/developers/{ref}/apps/{app_ref}",
    "developers.installed_accounts": "GET /api/v1/developers/{ref}/apps/{app_ref}/installed-accounts",
    "developers.installed_accounts_as_developer": "GET /api/v1/developer/apps/{app_ref}/installed-accounts",
    "apps.list": "GET /api/v1/apps",
    "apps.get": "GET /api/v1/apps/{app_ref}",
    "apps.install": "POST /api/v1/apps/{app_ref}/install",
    "apps.uninstall": "DELETE /api/v1/apps/{app_ref}/install",
    "apps.callbacks": "GET /api/v1/apps/{app_ref}/callbacks",
    "apps.staff": "GET /api/v1/apps/{app_ref}/staff",
    "apps.authorise_staff": "PUT /api/v1/apps/{app_ref}/staff/{user_id}",
    "apps.revoke_staff": "DELETE /api/v1/apps/{app_ref}/staff/{user_id}",
    "apps.staff_token": "POST /api/v1/{account}/authorise",
}
