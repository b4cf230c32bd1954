from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.mention_origin import MentionOrigin
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    format_: ExportFormat,
    *,
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    origin: MentionOrigin | None | Unset = UNSET,
    include_retracted: bool | Unset = False,
    review_status: None | ReviewStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_source_id: None | str | Unset
    if isinstance(source_id, Unset):
        json_source_id = UNSET
    else:
        json_source_id = source_id
    params["source_id"] = json_source_id

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_origin: None | str | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    elif isinstance(origin, MentionOrigin):
        json_origin = origin.value
    else:
        json_origin = origin
    params["origin"] = json_origin

    params["include_retracted"] = include_retracted

    json_review_status: None | str | Unset
    if isinstance(review_status, Unset):
        json_review_status = UNSET
    elif isinstance(review_status, ReviewStatus):
        json_review_status = review_status.value
    else:
        json_review_status = review_status
    params["review_status"] = json_review_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/mentions.{format_}".format(
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
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    origin: MentionOrigin | None | Unset = UNSET,
    include_retracted: bool | Unset = False,
    review_status: None | ReviewStatus | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export mentions (CSV or NDJSON)

     Every item of `GET /v1/mentions` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        source_id (None | str | Unset):
        actor_id (None | str | Unset):
        origin (MentionOrigin | None | Unset):
        include_retracted (bool | Unset): Show retracted mentions too. Default: False.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        source_id=source_id,
        actor_id=actor_id,
        origin=origin,
        include_retracted=include_retracted,
        review_status=review_status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    origin: MentionOrigin | None | Unset = UNSET,
    include_retracted: bool | Unset = False,
    review_status: None | ReviewStatus | Unset = UNSET,
) -> Any | Problem | None:
    """Export mentions (CSV or NDJSON)

     Every item of `GET /v1/mentions` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        source_id (None | str | Unset):
        actor_id (None | str | Unset):
        origin (MentionOrigin | None | Unset):
        include_retracted (bool | Unset): Show retracted mentions too. Default: False.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        format_=format_,
        client=client,
        source_id=source_id,
        actor_id=actor_id,
        origin=origin,
        include_retracted=include_retracted,
        review_status=review_status,
    ).parsed


async def asyncio_detailed(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    origin: MentionOrigin | None | Unset = UNSET,
    include_retracted: bool | Unset = False,
    review_status: None | ReviewStatus | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export mentions (CSV or NDJSON)

     Every item of `GET /v1/mentions` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        source_id (None | str | Unset):
        actor_id (None | str | Unset):
        origin (MentionOrigin | None | Unset):
        include_retracted (bool | Unset): Show retracted mentions too. Default: False.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        source_id=source_id,
        actor_id=actor_id,
        origin=origin,
        include_retracted=include_retracted,
        review_status=review_status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    origin: MentionOrigin | None | Unset = UNSET,
    include_retracted: bool | Unset = False,
    review_status: None | ReviewStatus | Unset = UNSET,
) -> Any | Problem | None:
    """Export mentions (CSV or NDJSON)

     Every item of `GET /v1/mentions` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        source_id (None | str | Unset):
        actor_id (None | str | Unset):
        origin (MentionOrigin | None | Unset):
        include_retracted (bool | Unset): Show retracted mentions too. Default: False.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.

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
            source_id=source_id,
            actor_id=actor_id,
            origin=origin,
            include_retracted=include_retracted,
            review_status=review_status,
        )
    ).parsed
