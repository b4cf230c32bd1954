from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_detail import ActorDetail
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    actor_id: str,
    *,
    include_candidates: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_candidates"] = include_candidates

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/actors/{actor_id}".format(
            actor_id=quote(str(actor_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActorDetail | Any | Problem | None:
    if response.status_code == 200:
        response_200 = ActorDetail.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 308:
        response_308 = Problem.from_dict(response.json())

        return response_308

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[ActorDetail | Any | Problem]:
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
    include_candidates: bool | Unset = False,
) -> Response[ActorDetail | Any | Problem]:
    """Get an actor

     The actor with its aliases and how often it is mentioned, takes part in claims and
    holds stances (accepted ones, or candidates too).

    Args:
        actor_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorDetail | Any | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        include_candidates=include_candidates,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> ActorDetail | Any | Problem | None:
    """Get an actor

     The actor with its aliases and how often it is mentioned, takes part in claims and
    holds stances (accepted ones, or candidates too).

    Args:
        actor_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorDetail | Any | Problem
    """

    return sync_detailed(
        actor_id=actor_id,
        client=client,
        include_candidates=include_candidates,
    ).parsed


async def asyncio_detailed(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> Response[ActorDetail | Any | Problem]:
    """Get an actor

     The actor with its aliases and how often it is mentioned, takes part in claims and
    holds stances (accepted ones, or candidates too).

    Args:
        actor_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorDetail | Any | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        include_candidates=include_candidates,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> ActorDetail | Any | Problem | None:
    """Get an actor

     The actor with its aliases and how often it is mentioned, takes part in claims and
    holds stances (accepted ones, or candidates too).

    Args:
        actor_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorDetail | Any | Problem
    """

    return (
        await asyncio_detailed(
            actor_id=actor_id,
            client=client,
            include_candidates=include_candidates,
        )
    ).parsed
