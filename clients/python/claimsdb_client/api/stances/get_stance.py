from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stance_public import StancePublic
from ...types import Response


def _get_kwargs(
    stance_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stances/{stance_id}".format(
            stance_id=quote(str(stance_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | StancePublic | None:
    if response.status_code == 200:
        response_200 = StancePublic.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | Problem | StancePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem | StancePublic]:
    """Get a stance

     One stance with its holder and provenance (`quote == source.text[start:end]`).

    Args:
        stance_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | StancePublic]
    """

    kwargs = _get_kwargs(
        stance_id=stance_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | StancePublic | None:
    """Get a stance

     One stance with its holder and provenance (`quote == source.text[start:end]`).

    Args:
        stance_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | StancePublic
    """

    return sync_detailed(
        stance_id=stance_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem | StancePublic]:
    """Get a stance

     One stance with its holder and provenance (`quote == source.text[start:end]`).

    Args:
        stance_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | StancePublic]
    """

    kwargs = _get_kwargs(
        stance_id=stance_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | StancePublic | None:
    """Get a stance

     One stance with its holder and provenance (`quote == source.text[start:end]`).

    Args:
        stance_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | StancePublic
    """

    return (
        await asyncio_detailed(
            stance_id=stance_id,
            client=client,
        )
    ).parsed
