from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_kind import ActorKind
from ...models.export_format import ExportFormat
from ...models.get_exports_actors_format_sort import GetExportsActorsFormatSort
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    format_: ExportFormat,
    *,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    kind: ActorKind | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    sort: GetExportsActorsFormatSort | Unset = GetExportsActorsFormatSort.ID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_retracted"] = include_retracted

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ActorKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_review_status: None | str | Unset
    if isinstance(review_status, Unset):
        json_review_status = UNSET
    elif isinstance(review_status, ReviewStatus):
        json_review_status = review_status.value
    else:
        json_review_status = review_status
    params["review_status"] = json_review_status

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/actors.{format_}".format(
            format_=quote(str(format_), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    kind: ActorKind | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    sort: GetExportsActorsFormatSort | Unset = GetExportsActorsFormatSort.ID,
) -> Response[Any | Problem]:
    """Export actors (CSV or NDJSON)

     Every item of `GET /v1/actors` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Part of a name or alias, ignoring case, hyphens and extra spaces.
        kind (ActorKind | None | Unset):
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        sort (GetExportsActorsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsActorsFormatSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        include_retracted=include_retracted,
        q=q,
        kind=kind,
        review_status=review_status,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    kind: ActorKind | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    sort: GetExportsActorsFormatSort | Unset = GetExportsActorsFormatSort.ID,
) -> Any | Problem | None:
    """Export actors (CSV or NDJSON)

     Every item of `GET /v1/actors` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Part of a name or alias, ignoring case, hyphens and extra spaces.
        kind (ActorKind | None | Unset):
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        sort (GetExportsActorsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsActorsFormatSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        format_=format_,
        client=client,
        include_retracted=include_retracted,
        q=q,
        kind=kind,
        review_status=review_status,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    kind: ActorKind | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    sort: GetExportsActorsFormatSort | Unset = GetExportsActorsFormatSort.ID,
) -> Response[Any | Problem]:
    """Export actors (CSV or NDJSON)

     Every item of `GET /v1/actors` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Part of a name or alias, ignoring case, hyphens and extra spaces.
        kind (ActorKind | None | Unset):
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        sort (GetExportsActorsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsActorsFormatSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        include_retracted=include_retracted,
        q=q,
        kind=kind,
        review_status=review_status,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    kind: ActorKind | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    sort: GetExportsActorsFormatSort | Unset = GetExportsActorsFormatSort.ID,
) -> Any | Problem | None:
    """Export actors (CSV or NDJSON)

     Every item of `GET /v1/actors` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Part of a name or alias, ignoring case, hyphens and extra spaces.
        kind (ActorKind | None | Unset):
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        sort (GetExportsActorsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsActorsFormatSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            format_=format_,
            client=client,
            include_retracted=include_retracted,
            q=q,
            kind=kind,
            review_status=review_status,
            sort=sort,
        )
    ).parsed
