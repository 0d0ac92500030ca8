"""The Store API's resources as TypedDicts (snake_case, as on the wire). Replies are plain dicts:
these types describe them for editors and type checkers; nothing is converted at run time."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict


class LocalizedText(TypedDict, total=False):
    en: str
    ar: str


class Pagination(TypedDict):
    page: int
    limit: int
    total: int
    pages: int


class ProductInput(TypedDict, total=False):
    name: LocalizedText
    description: LocalizedText
    price: float
    currency: str
    category: Optional[str]
    tags: List[str]
    sku: Optional[str]
    status: str
    inventory: int
    images: List[str]


class Product(ProductInput, total=False):
    id: str
    created_at: str
    updated_at: str


class OrderItem(TypedDict, total=False):
    product_id: Optional[str]
    sku: Optional[str]
    name: LocalizedText
    quantity: int
    unit_price: float
    subtotal: float
    tax: float
    total: float


class OrderItemInput(TypedDict, total=False):
    product_id: str
    quantity: int
    name: Any  # custom lines of a mirrored order: {en, ar} or a string
    price: float
    sku: str


class ShippingAddress(TypedDict, total=False):
    city: str
    district: Optional[str]
    street: Optional[str]
    building_number: Optional[str]
    postal_code: Optional[str]  # 5 digits
    short_code: Optional[str]  # national address short code, e.g. RRRD2929


class Order(TypedDict, total=False):
    id: str
    number: str
    status: str
    currency: str
    customer_email: Optional[str]
    customer_name: Optional[str]
    customer_phone: Optional[str]  # E.164, e.g. +966501234567
    shipping_address: Optional[ShippingAddress]
    payment_method: Optional[str]  # cash_on_delivery | bank_transfer | card_on_delivery
    carrier: Optional[str]
    tracking_number: Optional[str]
    notes: Optional[str]
    source: str
    external_id: Optional[str]
    discount: float
    shipping: float
    subtotal: float
    tax: float
    total: float
    amount_paid: float
    amount_refunded: float
    vat_rate: float
    prices_include_vat: bool
    items: List[OrderItem]
    item_count: int
    timeline: List[Dict[str, Any]]
    created_at: str
    updated_at: str


class OrderInput(TypedDict, total=False):
    items: List[OrderItemInput]
    customer_email: str
    customer_name: str
    customer_phone: str  # any usual form; Saudi when without a country code
    shipping_address: ShippingAddress
    payment_method: str
    discount: float
    shipping: float
    notes: str
    currency: str
    external_id: str
    source: str
    status: str
    total: float


class Payment(TypedDict, total=False):
    id: str
    order_id: Optional[str]
    order_number: Optional[str]
    provider: str  # stripe | paypal | manual
    status: str
    currency: str
    amount: float
    amount_captured: float
    amount_refunded: float
    provider_id: Optional[str]
    method: Optional[str]
    reference: Optional[str]
    failure: Optional[Dict[str, Optional[str]]]
    created_at: str
    updated_at: str
    completed_at: Optional[str]


class StripeIntent(TypedDict, total=False):
    id: str
    client_secret: str
    amount: int  # minor units, as Stripe speaks
    currency: str
    status: str
    payment_id: str
    order_id: Optional[str]


class PayPalOrder(TypedDict, total=False):
    id: str
    status: str
    approve_url: Optional[str]
    payment_id: str
    order_id: Optional[str]
    amount: float
    currency: str


class WebhookEndpoint(TypedDict, total=False):
    id: str
    url: str
    description: str
    events: List[str]
    enabled: bool
    disabled_reason: Optional[str]
    disabled_code: Optional[str]
    secret: str  # only in the reply of create
    created_at: str
    updated_at: str


class WebhookEvent(TypedDict):
    id: str
    event: str
    created_at: str
    tenant_id: str
    api_version: str
    data: Any


class Tokens(TypedDict, total=False):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    user: Dict[str, Any]


class ApiKey(TypedDict, total=False):
    id: str
    name: str
    prefix: str
    scopes: List[str]
    key: str  # only in the reply of create and roll
    expires_at: Optional[str]
    created_at: str


class AnalyticsOverview(TypedDict, total=False):
    summary: Dict[str, Any]  # total_revenue, total_orders, average_order_value, ...
    revenue_trend: List[Dict[str, Any]]  # [{date, revenue, orders}]
    top_products: List[Dict[str, Any]]
    comparison: Dict[str, Any]


class Page(TypedDict):
    """A list reply: ``{"data": [...], "pagination": {page, limit, total, pages}}``."""

    data: List[Any]
    pagination: Pagination


class _AppRefs(TypedDict):
    developer_ref: str
    app_ref: str


class AppCredential(_AppRefs, total=False):
    """Calling as a third-party app: exactly one of the two tokens."""

    account_token: str  # the install's account token, signed with ``sign_token``
    staff_token: str  # from ``store.apps.staff_token(...)``


class InstalledAccount(TypedDict):
    account_code: str
    account_token: str  # unsigned: sign it with ``sign_token`` before calling
    installed_at: str
    scopes: List[str]
