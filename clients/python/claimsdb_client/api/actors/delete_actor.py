from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_public import ActorPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    actor_id: str,
    *,
    reason: None | str | Unset = UNSET,
    hard: bool | Unset = False,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    params: dict[str, Any] = {}

    json_reason: None | str | Unset
    if isinstance(reason, Unset):
        json_reason = UNSET
    else:
        json_reason = reason
    params["reason"] = json_reason

    params["hard"] = hard

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/actors/{actor_id}".format(
            actor_id=quote(str(actor_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActorPublic | Any | Problem | None:
    if response.status_code == 200:
        response_200 = ActorPublic.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[ActorPublic | Any | Problem]:
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
    reason: None | str | Unset = UNSET,
    hard: bool | Unset = False,
    if_match: str,
) -> Response[ActorPublic | Any | Problem]:
    """Retract a actor (or delete it for good)

     Retract: hidden from lists (`include_retracted=true` shows it), restorable,
    history kept. With `hard=true` and an admin key, delete it for good. Needs If-Match.

    Args:
        actor_id (str):
        reason (None | str | Unset): Why it is retracted; kept in `status_reason`.
        hard (bool | Unset): Delete for good instead of retracting (needs an admin key). Default:
            False.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorPublic | Any | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        reason=reason,
        hard=hard,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    reason: None | str | Unset = UNSET,
    hard: bool | Unset = False,
    if_match: str,
) -> ActorPublic | Any | Problem | None:
    """Retract a actor (or delete it for good)

     Retract: hidden from lists (`include_retracted=true` shows it), restorable,
    history kept. With `hard=true` and an admin key, delete it for good. Needs If-Match.

    Args:
        actor_id (str):
        reason (None | str | Unset): Why it is retracted; kept in `status_reason`.
        hard (bool | Unset): Delete for good instead of retracting (needs an admin key). Default:
            False.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorPublic | Any | Problem
    """

    return sync_detailed(
        actor_id=actor_id,
        client=client,
        reason=reason,
        hard=hard,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    reason: None | str | Unset = UNSET,
    hard: bool | Unset = False,
    if_match: str,
) -> Response[ActorPublic | Any | Problem]:
    """Retract a actor (or delete it for good)

     Retract: hidden from lists (`include_retracted=true` shows it), restorable,
    history kept. With `hard=true` and an admin key, delete it for good. Needs If-Match.

    Args:
        actor_id (str):
        reason (None | str | Unset): Why it is retracted; kept in `status_reason`.
        hard (bool | Unset): Delete for good instead of retracting (needs an admin key). Default:
            False.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorPublic | Any | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        reason=reason,
        hard=hard,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    reason: None | str | Unset = UNSET,
    hard: bool | Unset = False,
    if_match: str,
) -> ActorPublic | Any | Problem | None:
    """Retract a actor (or delete it for good)

     Retract: hidden from lists (`include_retracted=true` shows it), restorable,
    history kept. With `hard=true` and an admin key, delete it for good. Needs If-Match.

    Args:
        actor_id (str):
        reason (None | str | Unset): Why it is retracted; kept in `status_reason`.
        hard (bool | Unset): Delete for good instead of retracting (needs an admin key). Default:
            False.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorPublic | Any | Problem
    """

    return (
        await asyncio_detailed(
            actor_id=actor_id,
            client=client,
            reason=reason,
            hard=hard,
            if_match=if_match,
        )
    ).parsed
