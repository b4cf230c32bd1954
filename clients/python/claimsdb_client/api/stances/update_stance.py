from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stance_public import StancePublic
from ...models.stance_update import StanceUpdate
from ...types import Response


def _get_kwargs(
    stance_id: str,
    *,
    body: StanceUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/stances/{stance_id}".format(
            stance_id=quote(str(stance_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StancePublic | None:
    if response.status_code == 200:
        response_200 = StancePublic.from_dict(response.json())

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
) -> Response[Problem | StancePublic]:
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
    body: StanceUpdate,
    if_match: str,
) -> Response[Problem | StancePublic]:
    """Change a stance (JSON merge patch)

     Label, holder, attribution, certainty or claim; the span stays (a new span is a new
    stance), and the review status changes only with accept or reject. Needs If-Match.

    Args:
        stance_id (str):
        if_match (str):
        body (StanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StancePublic]
    """

    kwargs = _get_kwargs(
        stance_id=stance_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StanceUpdate,
    if_match: str,
) -> Problem | StancePublic | None:
    """Change a stance (JSON merge patch)

     Label, holder, attribution, certainty or claim; the span stays (a new span is a new
    stance), and the review status changes only with accept or reject. Needs If-Match.

    Args:
        stance_id (str):
        if_match (str):
        body (StanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StancePublic
    """

    return sync_detailed(
        stance_id=stance_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StanceUpdate,
    if_match: str,
) -> Response[Problem | StancePublic]:
    """Change a stance (JSON merge patch)

     Label, holder, attribution, certainty or claim; the span stays (a new span is a new
    stance), and the review status changes only with accept or reject. Needs If-Match.

    Args:
        stance_id (str):
        if_match (str):
        body (StanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StancePublic]
    """

    kwargs = _get_kwargs(
        stance_id=stance_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    stance_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StanceUpdate,
    if_match: str,
) -> Problem | StancePublic | None:
    """Change a stance (JSON merge patch)

     Label, holder, attribution, certainty or claim; the span stays (a new span is a new
    stance), and the review status changes only with accept or reject. Needs If-Match.

    Args:
        stance_id (str):
        if_match (str):
        body (StanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StancePublic
    """

    return (
        await asyncio_detailed(
            stance_id=stance_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
