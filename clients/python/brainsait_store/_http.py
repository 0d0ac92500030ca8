"""One HTTP transport over urllib: headers, retries with backoff, Idempotency-Key, errors."""
from __future__ import annotations

import email.utils
import json
import random
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from .errors import StoreConnectionError, error_from_reply

RETRYABLE = frozenset({429, 500, 502, 503, 504})
QueryValue = Any

#: The headers of an app's call, as the Store API reads them (lib/apps/headers.ts).
APP_HEADERS = {
    "developer_ref": "brainsait-dev-ref",
    "app_ref": "brainsait-app-ref",
    "account_token": "brainsait-account-token",
    "staff_token": "brainsait-staff-token",
    "developer_token": "brainsait-dev-token",
}


def app_headers(app: Mapping[str, str]) -> Dict[str, str]:
    """An app credential as its headers: both refs and exactly one of the two tokens."""
    if not app.get("developer_ref") or not app.get("app_ref"):
        raise ValueError("app: developer_ref and app_ref are required")
    tokens = [name for name in ("account_token", "staff_token") if app.get(name)]
    if len(tokens) != 1:
        raise ValueError("app: pass exactly one of account_token and staff_token")
    return {APP_HEADERS[name]: app[name] for name in ("developer_ref", "app_ref", tokens[0])}


class Response:
    """A successful reply: status, headers (lower-case names) and the raw body."""

    def __init__(self, status: int, headers: Dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8-sig")


def _retry_delay(status: Optional[int], headers: Mapping[str, str], attempt: int) -> float:
    retry_after = headers.get("retry-after")
    if retry_after:
        try:
            return max(0.0, float(retry_after))
        except ValueError:
            parsed = email.utils.parsedate_to_datetime(retry_after) if retry_after else None
            if parsed is not None:
                return max(0.0, parsed.timestamp() - time.time())
    reset = headers.get("x-rate-limit-reset")
    if status == 429 and reset:
        try:
            return max(0.0, float(reset) - time.time())
        except ValueError:
            pass
    # Exponential backoff with jitter: 0.25-0.5 s, 0.5-1 s, 1-2 s ... capped at 8 s.
    base = min(8.0, 0.5 * 2**attempt)
    return base / 2 + random.random() * base / 2


class Transport:
    def __init__(
        self,
        *,
        base_url: str,
        tenant_id: str,
        api_key: Optional[str] = None,
        access_token: Optional[str] = None,
        app: Optional[Mapping[str, str]] = None,
        max_retries: int = 2,
        max_retry_delay: float = 60.0,
        timeout: float = 30.0,
        user_agent: str = "brainsait-store-python/0.1.0",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if app is not None and (api_key or access_token):
            raise ValueError("pass app, or api_key/access_token: an app calls with its own headers")
        self.base_url = base_url.rstrip("/")
        self.tenant_id = tenant_id
        self.api_key = api_key
        self.access_token = access_token
        self.app_headers = app_headers(app) if app is not None else {}
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.timeout = timeout
        self.user_agent = user_agent
        self.sleep = sleep

    def url(self, path: str, query: Optional[Mapping[str, QueryValue]] = None) -> str:
        url = self.base_url + path
        pairs = []
        for key, value in (query or {}).items():
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            pairs.append((key, str(value)))
        return url + ("?" + urllib.parse.urlencode(pairs) if pairs else "")

    def send(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, QueryValue]] = None,
        json_body: Any = None,
        body: Optional[bytes] = None,
        content_type: Optional[str] = None,
        accept: str = "application/json",
        idempotency_key: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        anonymous: bool = False,
        tenant: bool = True,
    ) -> Response:
        """Sends with retries on 429, 5xx and network errors; a non-2xx reply raises.

        ``anonymous`` leaves out Authorization and the app headers (the call brings its own in
        ``headers``); ``tenant=False`` leaves out X-Tenant-ID (the developer API names no store).
        """
        url = self.url(path, query)
        sent = {"Accept": accept, "User-Agent": self.user_agent}
        if tenant:
            sent["X-Tenant-ID"] = self.tenant_id
        credential = self.api_key or self.access_token
        if not anonymous and self.app_headers:
            sent.update(self.app_headers)
        elif not anonymous and credential:
            sent["Authorization"] = f"Bearer {credential}"
        sent.update(headers or {})
        if json_body is not None:
            # Arabic stays as UTF-8, as the API's own replies and webhooks send it.
            body = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            content_type = "application/json"
        if content_type:
            sent["Content-Type"] = content_type
        # One key for every attempt of this call: a retried POST can never create twice.
        if method == "POST":
            sent["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())

        attempt = 0
        while True:
            status, reply_headers, data, network_error = self._once(method, url, sent, body)
            if status is not None and 200 <= status < 300:
                return Response(status, reply_headers, data)
            retryable = network_error is not None or status in RETRYABLE
            delay = _retry_delay(status, reply_headers, attempt)
            if retryable and attempt < self.max_retries and delay <= self.max_retry_delay:
                self.sleep(delay)
                attempt += 1
                continue
            if status is None:
                raise StoreConnectionError(
                    f"Could not reach the Store API at {self.base_url}: {network_error}"
                ) from network_error
            text = data.decode("utf-8", errors="replace")
            try:
                parsed: Any = json.loads(text)
            except ValueError:
                parsed = text
            raise error_from_reply(status, parsed, reply_headers)

    def _once(
        self, method: str, url: str, headers: Dict[str, str], body: Optional[bytes]
    ) -> Tuple[Optional[int], Dict[str, str], bytes, Optional[BaseException]]:
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                return reply.status, _lower(reply.headers.items()), reply.read(), None
        except urllib.error.HTTPError as err:
            with err:
                return err.code, _lower(err.headers.items()), err.read(), None
        except (urllib.error.URLError, OSError) as err:
            return None, {}, b"", err

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.send(method, path, **kwargs)
        return None if response.status == 204 else response.json()


def _lower(items: Any) -> Dict[str, str]:
    return {str(k).lower(): str(v) for k, v in items}
