from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreement import Agreement
from ...models.by import By
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    by: By | Unset = UNSET,
    min_shared: int | Unset = 1,
    party: None | str | Unset = UNSET,
    claims: int | Unset = 10,
    include_candidates: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    params["min_shared"] = min_shared

    json_party: None | str | Unset
    if isinstance(party, Unset):
        json_party = UNSET
    else:
        json_party = party
    params["party"] = json_party

    params["claims"] = claims

    params["include_candidates"] = include_candidates

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/agreement",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Agreement | Any | Problem | None:
    if response.status_code == 200:
        response_200 = Agreement.from_dict(response.json())

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
) -> Response[Agreement | Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    by: By | Unset = UNSET,
    min_shared: int | Unset = 1,
    party: None | str | Unset = UNSET,
    claims: int | Unset = 10,
    include_candidates: bool | Unset = False,
) -> Response[Agreement | Any | Problem]:
    """Pairwise agreement

     For each pair of sources (or holders): how many claims both address, and on how
    many they take the same side or opposite sides, with the first claims of each; paged
    in (a, b) order, or the pairs of one `party`.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        by (By | Unset):
        min_shared (int | Unset): Only pairs sharing at least this many claims. Default: 1.
        party (None | str | Unset): Only the pairs of this source or holder, which comes first
            (`a`) in each.
        claims (int | Unset): How many claim ids each pair lists in `shared_claims`,
            `agree_claims` and `disagree_claims` (the first by id); the counts are exact. Default: 10.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Counted when asked for: the work grows with the
            proposals awaiting review. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | Any | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        by=by,
        min_shared=min_shared,
        party=party,
        claims=claims,
        include_candidates=include_candidates,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    by: By | Unset = UNSET,
    min_shared: int | Unset = 1,
    party: None | str | Unset = UNSET,
    claims: int | Unset = 10,
    include_candidates: bool | Unset = False,
) -> Agreement | Any | Problem | None:
    """Pairwise agreement

     For each pair of sources (or holders): how many claims both address, and on how
    many they take the same side or opposite sides, with the first claims of each; paged
    in (a, b) order, or the pairs of one `party`.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        by (By | Unset):
        min_shared (int | Unset): Only pairs sharing at least this many claims. Default: 1.
        party (None | str | Unset): Only the pairs of this source or holder, which comes first
            (`a`) in each.
        claims (int | Unset): How many claim ids each pair lists in `shared_claims`,
            `agree_claims` and `disagree_claims` (the first by id); the counts are exact. Default: 10.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Counted when asked for: the work grows with the
            proposals awaiting review. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | Any | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        by=by,
        min_shared=min_shared,
        party=party,
        claims=claims,
        include_candidates=include_candidates,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    by: By | Unset = UNSET,
    min_shared: int | Unset = 1,
    party: None | str | Unset = UNSET,
    claims: int | Unset = 10,
    include_candidates: bool | Unset = False,
) -> Response[Agreement | Any | Problem]:
    """Pairwise agreement

     For each pair of sources (or holders): how many claims both address, and on how
    many they take the same side or opposite sides, with the first claims of each; paged
    in (a, b) order, or the pairs of one `party`.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        by (By | Unset):
        min_shared (int | Unset): Only pairs sharing at least this many claims. Default: 1.
        party (None | str | Unset): Only the pairs of this source or holder, which comes first
            (`a`) in each.
        claims (int | Unset): How many claim ids each pair lists in `shared_claims`,
            `agree_claims` and `disagree_claims` (the first by id); the counts are exact. Default: 10.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Counted when asked for: the work grows with the
            proposals awaiting review. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | Any | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        by=by,
        min_shared=min_shared,
        party=party,
        claims=claims,
        include_candidates=include_candidates,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    by: By | Unset = UNSET,
    min_shared: int | Unset = 1,
    party: None | str | Unset = UNSET,
    claims: int | Unset = 10,
    include_candidates: bool | Unset = False,
) -> Agreement | Any | Problem | None:
    """Pairwise agreement

     For each pair of sources (or holders): how many claims both address, and on how
    many they take the same side or opposite sides, with the first claims of each; paged
    in (a, b) order, or the pairs of one `party`.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
        by (By | Unset):
        min_shared (int | Unset): Only pairs sharing at least this many claims. Default: 1.
        party (None | str | Unset): Only the pairs of this source or holder, which comes first
            (`a`) in each.
        claims (int | Unset): How many claim ids each pair lists in `shared_claims`,
            `agree_claims` and `disagree_claims` (the first by id); the counts are exact. Default: 10.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Counted when asked for: the work grows with the
            proposals awaiting review. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            by=by,
            min_shared=min_shared,
            party=party,
            claims=claims,
            include_candidates=include_candidates,
        )
    ).parsed
