"""Third-party apps (docs/apps.md): developer accounts and their apps, a store's installs and staff,
and the calls an app makes with its own credentials. Listed in ``resources.METHODS``."""
from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any, Dict, List, Mapping, cast

from ._http import APP_HEADERS
from .resources import _Resource, _seg
from .types import InstalledAccount


def sign_token(developer_secret: str, unsigned_token: str) -> str:
    """An account token or developer token signed as an app sends it:
    base64(HMAC-SHA256(key = the developer secret as UTF-8, message = the unsigned token))."""
    digest = hmac.new(
        developer_secret.encode("utf-8"), unsigned_token.encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")


class Developers(_Resource):
    """Developer accounts and their apps, for the signed-in person who registered them."""

    def register(self, developer_ref: str, name: str, email: str) -> Dict[str, Any]:
        """The reply's ``developer_secret`` is shown this once."""
        body = {"developer_ref": developer_ref, "name": name, "email": email}
        reply = self._http.request("POST", "/api/v1/developers", json_body=body)
        return cast(Dict[str, Any], reply)

    def list(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/developers"))

    def get(self, developer_ref: str) -> Dict[str, Any]:
        path = f"/api/v1/developers/{_seg(developer_ref)}"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def rotate_secret(self, developer_ref: str) -> Dict[str, Any]:
        """A new secret, shown this once; the old one stops signing at once."""
        path = f"/api/v1/developers/{_seg(developer_ref)}/rotate-secret"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def apps(self, developer_ref: str) -> Dict[str, Any]:
        path = f"/api/v1/developers/{_seg(developer_ref)}/apps"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def create_app(self, developer_ref: str, app: Mapping[str, Any]) -> Dict[str, Any]:
        """``app_ref, name {en, ar}, install_callback_url, scopes, kind?, description?``."""
        path = f"/api/v1/developers/{_seg(developer_ref)}/apps"
        return cast(Dict[str, Any], self._http.request("POST", path, json_body=dict(app)))

    def app(self, developer_ref: str, app_ref: str) -> Dict[str, Any]:
        path = f"/api/v1/developers/{_seg(developer_ref)}/apps/{_seg(app_ref)}"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def update_app(
        self, developer_ref: str, app_ref: str, changes: Mapping[str, Any]
    ) -> Dict[str, Any]:
        """Narrowed scopes apply to every install at once."""
        path = f"/api/v1/developers/{_seg(developer_ref)}/apps/{_seg(app_ref)}"
        return cast(Dict[str, Any], self._http.request("PATCH", path, json_body=dict(changes)))

    def installed_accounts(self, developer_ref: str, app_ref: str) -> List[InstalledAccount]:
        """The stores that have the app installed, with their unsigned account tokens."""
        path = f"/api/v1/developers/{_seg(developer_ref)}/apps/{_seg(app_ref)}/installed-accounts"
        return cast(List[InstalledAccount], self._http.request("GET", path))

    def installed_accounts_as_developer(
        self, app_ref: str, *, developer_ref: str, developer_token: str
    ) -> List[InstalledAccount]:
        """The installed-accounts API as the developer's own server calls it: no sign-in and no
        store, the developer token signed with the developer secret (``sign_token``) instead."""
        path = f"/api/v1/developer/apps/{_seg(app_ref)}/installed-accounts"
        headers = {
            APP_HEADERS["developer_ref"]: developer_ref,
            APP_HEADERS["developer_token"]: developer_token,
        }
        return cast(
            List[InstalledAccount],
            self._http.request("GET", path, headers=headers, anonymous=True, tenant=False),
        )


class Apps(_Resource):
    """The store's side: its app directory, installs, callbacks and staff authorisations."""

    def list(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", "/api/v1/apps"))

    def get(self, app_ref: str) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.request("GET", f"/api/v1/apps/{_seg(app_ref)}"))

    def install(self, app_ref: str) -> Dict[str, Any]:
        path = f"/api/v1/apps/{_seg(app_ref)}/install"
        return cast(Dict[str, Any], self._http.request("POST", path))

    def uninstall(self, app_ref: str) -> None:
        self._http.request("DELETE", f"/api/v1/apps/{_seg(app_ref)}/install")

    def callbacks(self, app_ref: str) -> Dict[str, Any]:
        """The install and uninstall callbacks sent to the app, newest first, every attempt."""
        path = f"/api/v1/apps/{_seg(app_ref)}/callbacks"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def staff(self, app_ref: str) -> Dict[str, Any]:
        """Every member of the store, and whether each may use this (staff) app."""
        path = f"/api/v1/apps/{_seg(app_ref)}/staff"
        return cast(Dict[str, Any], self._http.request("GET", path))

    def authorise_staff(self, app_ref: str, user_id: str) -> None:
        self._http.request("PUT", f"/api/v1/apps/{_seg(app_ref)}/staff/{_seg(user_id)}")

    def revoke_staff(self, app_ref: str, user_id: str) -> None:
        """Ends the member's staff tokens for this app at once."""
        self._http.request("DELETE", f"/api/v1/apps/{_seg(app_ref)}/staff/{_seg(user_id)}")

    def staff_token(
        self, *, developer_ref: str, app_ref: str, email_address: str, password: str
    ) -> str:
        """A staff app signs a member of the client's store in: their email and password for a
        staff token, used as ``app={..., "staff_token": token}``."""
        account = self._http.tenant_id
        if not account:
            raise ValueError("staff_token: the client's tenant_id names the store")
        headers = {APP_HEADERS["developer_ref"]: developer_ref, APP_HEADERS["app_ref"]: app_ref}
        # camelCase on the wire, as the Brightpearl model has it.
        body = {"apiAccountCredentials": {"emailAddress": email_address, "password": password}}
        reply = self._http.request(
            "POST",
            f"/api/v1/{_seg(account)}/authorise",
            json_body=body,
            headers=headers,
            anonymous=True,
        )
        return cast(str, reply["response"])
