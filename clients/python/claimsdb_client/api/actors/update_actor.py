from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_public import ActorPublic
from ...models.actor_update import ActorUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    actor_id: str,
    *,
    body: ActorUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/actors/{actor_id}".format(
            actor_id=quote(str(actor_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActorPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ActorPublic.from_dict(response.json())

        return response_200

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
) -> Response[ActorPublic | Problem]:
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
    body: ActorUpdate,
    if_match: str,
) -> Response[ActorPublic | Problem]:
    """Change an actor (JSON merge patch)

     Fields given replace the actor's (`aliases` as a whole list). Needs If-Match.

    Args:
        actor_id (str):
        if_match (str):
        body (ActorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorPublic | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        body=body,
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
    body: ActorUpdate,
    if_match: str,
) -> ActorPublic | Problem | None:
    """Change an actor (JSON merge patch)

     Fields given replace the actor's (`aliases` as a whole list). Needs If-Match.

    Args:
        actor_id (str):
        if_match (str):
        body (ActorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorPublic | Problem
    """

    return sync_detailed(
        actor_id=actor_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActorUpdate,
    if_match: str,
) -> Response[ActorPublic | Problem]:
    """Change an actor (JSON merge patch)

     Fields given replace the actor's (`aliases` as a whole list). Needs If-Match.

    Args:
        actor_id (str):
        if_match (str):
        body (ActorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorPublic | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    actor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActorUpdate,
    if_match: str,
) -> ActorPublic | Problem | None:
    """Change an actor (JSON merge patch)

     Fields given replace the actor's (`aliases` as a whole list). Needs If-Match.

    Args:
        actor_id (str):
        if_match (str):
        body (ActorUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorPublic | Problem
    """

    return (
        await asyncio_detailed(
            actor_id=actor_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
