from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kind import Kind
from ...models.page_search_hit import PageSearchHit
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    q: str,
    kind: Kind | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["q"] = q

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, Kind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageSearchHit | Problem | None:
    if response.status_code == 200:
        response_200 = PageSearchHit.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | PageSearchHit | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    q: str,
    kind: Kind | None | Unset = UNSET,
) -> Response[Any | PageSearchHit | Problem]:
    """Search claims, passages and actors

     Ranked hits across claims, source passages and actors, each with a highlighted snippet.

    Args:
        limit (int | Unset): Hits per page (1 to 500). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        q (str): Words (all must match), "exact phrases", prefix* and -excluded terms; OR between
            terms (binding tighter than the implicit AND). Case and word endings are ignored; common
            words such as 'the' are left out.
        kind (Kind | None | Unset): Only hits of this kind; all kinds when absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageSearchHit | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    q: str,
    kind: Kind | None | Unset = UNSET,
) -> Any | PageSearchHit | Problem | None:
    """Search claims, passages and actors

     Ranked hits across claims, source passages and actors, each with a highlighted snippet.

    Args:
        limit (int | Unset): Hits per page (1 to 500). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        q (str): Words (all must match), "exact phrases", prefix* and -excluded terms; OR between
            terms (binding tighter than the implicit AND). Case and word endings are ignored; common
            words such as 'the' are left out.
        kind (Kind | None | Unset): Only hits of this kind; all kinds when absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageSearchHit | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        q=q,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    q: str,
    kind: Kind | None | Unset = UNSET,
) -> Response[Any | PageSearchHit | Problem]:
    """Search claims, passages and actors

     Ranked hits across claims, source passages and actors, each with a highlighted snippet.

    Args:
        limit (int | Unset): Hits per page (1 to 500). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        q (str): Words (all must match), "exact phrases", prefix* and -excluded terms; OR between
            terms (binding tighter than the implicit AND). Case and word endings are ignored; common
            words such as 'the' are left out.
        kind (Kind | None | Unset): Only hits of this kind; all kinds when absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageSearchHit | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    q: str,
    kind: Kind | None | Unset = UNSET,
) -> Any | PageSearchHit | Problem | None:
    """Search claims, passages and actors

     Ranked hits across claims, source passages and actors, each with a highlighted snippet.

    Args:
        limit (int | Unset): Hits per page (1 to 500). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        q (str): Words (all must match), "exact phrases", prefix* and -excluded terms; OR between
            terms (binding tighter than the implicit AND). Case and word endings are ignored; common
            words such as 'the' are left out.
        kind (Kind | None | Unset): Only hits of this kind; all kinds when absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageSearchHit | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            q=q,
            kind=kind,
        )
    ).parsed
