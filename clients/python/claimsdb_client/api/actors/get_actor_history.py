from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_change_public import PageChangePublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    actor_id: str,
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/actors/{actor_id}/history".format(
            actor_id=quote(str(actor_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageChangePublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageChangePublic.from_dict(response.json())

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
) -> Response[Any | PageChangePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Any | PageChangePublic | Problem]:
    """A actor's versions

     Every write to this record, oldest first, each with the record before and after.

    Args:
        actor_id (str):
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageChangePublic | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Any | PageChangePublic | Problem | None:
    """A actor's versions

     Every write to this record, oldest first, each with the record before and after.

    Args:
        actor_id (str):
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageChangePublic | Problem
    """

    return sync_detailed(
        actor_id=actor_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Any | PageChangePublic | Problem]:
    """A actor's versions

     Every write to this record, oldest first, each with the record before and after.

    Args:
        actor_id (str):
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageChangePublic | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Any | PageChangePublic | Problem | None:
    """A actor's versions

     Every write to this record, oldest first, each with the record before and after.

    Args:
        actor_id (str):
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageChangePublic | Problem
    """

    return (
        await asyncio_detailed(
            actor_id=actor_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
