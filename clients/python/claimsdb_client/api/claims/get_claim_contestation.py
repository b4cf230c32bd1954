from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contestation import Contestation
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    claim_id: str,
    *,
    include_candidates: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_candidates"] = include_candidates

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims/{claim_id}/contestation".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Contestation | Problem | None:
    if response.status_code == 200:
        response_200 = Contestation.from_dict(response.json())

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
) -> Response[Any | Contestation | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> Response[Any | Contestation | Problem]:
    """Who supports, opposes, questions a claim

     Every accepted stance on the claim (candidates too, if asked) grouped by label,
    each with holder, source and quote; `contested` is true when the claim has stances on
    both sides.

    Args:
        claim_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Contestation | Problem]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        include_candidates=include_candidates,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> Any | Contestation | Problem | None:
    """Who supports, opposes, questions a claim

     Every accepted stance on the claim (candidates too, if asked) grouped by label,
    each with holder, source and quote; `contested` is true when the claim has stances on
    both sides.

    Args:
        claim_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Contestation | Problem
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
        include_candidates=include_candidates,
    ).parsed


async def asyncio_detailed(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> Response[Any | Contestation | Problem]:
    """Who supports, opposes, questions a claim

     Every accepted stance on the claim (candidates too, if asked) grouped by label,
    each with holder, source and quote; `contested` is true when the claim has stances on
    both sides.

    Args:
        claim_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Contestation | Problem]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        include_candidates=include_candidates,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_candidates: bool | Unset = False,
) -> Any | Contestation | Problem | None:
    """Who supports, opposes, questions a claim

     Every accepted stance on the claim (candidates too, if asked) grouped by label,
    each with holder, source and quote; `contested` is true when the claim has stances on
    both sides.

    Args:
        claim_id (str):
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Contestation | Problem
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
            include_candidates=include_candidates,
        )
    ).parsed
