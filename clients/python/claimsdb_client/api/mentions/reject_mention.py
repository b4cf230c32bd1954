from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mention_public import MentionPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    mention_id: str,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/mentions/{mention_id}/reject".format(
            mention_id=quote(str(mention_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MentionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = MentionPublic.from_dict(response.json())

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
) -> Response[MentionPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    mention_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,
) -> Response[MentionPublic | Problem]:
    """Reject a proposed mention

     Reject a candidate, and the candidates that show it (a claim's stances, an
    actor's mentions and held stances): gone from every list and view, kept in its
    history and the change feed. Needs If-Match.

    Args:
        mention_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MentionPublic | Problem]
    """

    kwargs = _get_kwargs(
        mention_id=mention_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    mention_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,
) -> MentionPublic | Problem | None:
    """Reject a proposed mention

     Reject a candidate, and the candidates that show it (a claim's stances, an
    actor's mentions and held stances): gone from every list and view, kept in its
    history and the change feed. Needs If-Match.

    Args:
        mention_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MentionPublic | Problem
    """

    return sync_detailed(
        mention_id=mention_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    mention_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,
) -> Response[MentionPublic | Problem]:
    """Reject a proposed mention

     Reject a candidate, and the candidates that show it (a claim's stances, an
    actor's mentions and held stances): gone from every list and view, kept in its
    history and the change feed. Needs If-Match.

    Args:
        mention_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MentionPublic | Problem]
    """

    kwargs = _get_kwargs(
        mention_id=mention_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mention_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,
) -> MentionPublic | Problem | None:
    """Reject a proposed mention

     Reject a candidate, and the candidates that show it (a claim's stances, an
    actor's mentions and held stances): gone from every list and view, kept in its
    history and the change feed. Needs If-Match.

    Args:
        mention_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MentionPublic | Problem
    """

    return (
        await asyncio_detailed(
            mention_id=mention_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
