from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_type import ClaimType
from ...models.export_format import ExportFormat
from ...models.get_exports_claims_format_sort import GetExportsClaimsFormatSort
from ...models.label import Label
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    format_: ExportFormat,
    *,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    holder_id: None | str | Unset = UNSET,
    label: Label | None | Unset = UNSET,
    claim_type: ClaimType | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    contested: bool | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    include_candidates: bool | Unset = False,
    sort: GetExportsClaimsFormatSort | Unset = GetExportsClaimsFormatSort.ID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_retracted"] = include_retracted

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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

    json_holder_id: None | str | Unset
    if isinstance(holder_id, Unset):
        json_holder_id = UNSET
    else:
        json_holder_id = holder_id
    params["holder_id"] = json_holder_id

    json_label: None | str | Unset
    if isinstance(label, Unset):
        json_label = UNSET
    elif isinstance(label, Label):
        json_label = label.value
    else:
        json_label = label
    params["label"] = json_label

    json_claim_type: None | str | Unset
    if isinstance(claim_type, Unset):
        json_claim_type = UNSET
    elif isinstance(claim_type, ClaimType):
        json_claim_type = claim_type.value
    else:
        json_claim_type = claim_type
    params["claim_type"] = json_claim_type

    json_topic: None | str | Unset
    if isinstance(topic, Unset):
        json_topic = UNSET
    else:
        json_topic = topic
    params["topic"] = json_topic

    json_contested: bool | None | Unset
    if isinstance(contested, Unset):
        json_contested = UNSET
    else:
        json_contested = contested
    params["contested"] = json_contested

    json_review_status: None | str | Unset
    if isinstance(review_status, Unset):
        json_review_status = UNSET
    elif isinstance(review_status, ReviewStatus):
        json_review_status = review_status.value
    else:
        json_review_status = review_status
    params["review_status"] = json_review_status

    params["include_candidates"] = include_candidates

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/claims.{format_}".format(
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
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    holder_id: None | str | Unset = UNSET,
    label: Label | None | Unset = UNSET,
    claim_type: ClaimType | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    contested: bool | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    include_candidates: bool | Unset = False,
    sort: GetExportsClaimsFormatSort | Unset = GetExportsClaimsFormatSort.ID,
) -> Response[Any | Problem]:
    """Export claims (CSV or NDJSON)

     Every item of `GET /v1/claims` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Full-text search. Words (all must match), "exact phrases", prefix*
            and -excluded terms; OR between terms (binding tighter than the implicit AND). Case and
            word endings are ignored; common words such as 'the' are left out.
        source_id (None | str | Unset): Claims with a stance in this source.
        actor_id (None | str | Unset): Claims the actor takes part in or holds a stance on.
        holder_id (None | str | Unset): Claims on which this actor holds a stance.
        label (Label | None | Unset): Claims with a stance of this label; with `source_id` or
            `holder_id`, the same stance must match them all.
        claim_type (ClaimType | None | Unset):
        topic (None | str | Unset):
        contested (bool | None | Unset): `true`: claims with stances on both sides (supports and
            opposes); `false`: claims without.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Not with `sort=stance_count` (422), whose order comes
            from each claim's kept count of accepted stances. Default: False.
        sort (GetExportsClaimsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsClaimsFormatSort.ID.

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
        source_id=source_id,
        actor_id=actor_id,
        holder_id=holder_id,
        label=label,
        claim_type=claim_type,
        topic=topic,
        contested=contested,
        review_status=review_status,
        include_candidates=include_candidates,
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
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    holder_id: None | str | Unset = UNSET,
    label: Label | None | Unset = UNSET,
    claim_type: ClaimType | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    contested: bool | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    include_candidates: bool | Unset = False,
    sort: GetExportsClaimsFormatSort | Unset = GetExportsClaimsFormatSort.ID,
) -> Any | Problem | None:
    """Export claims (CSV or NDJSON)

     Every item of `GET /v1/claims` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Full-text search. Words (all must match), "exact phrases", prefix*
            and -excluded terms; OR between terms (binding tighter than the implicit AND). Case and
            word endings are ignored; common words such as 'the' are left out.
        source_id (None | str | Unset): Claims with a stance in this source.
        actor_id (None | str | Unset): Claims the actor takes part in or holds a stance on.
        holder_id (None | str | Unset): Claims on which this actor holds a stance.
        label (Label | None | Unset): Claims with a stance of this label; with `source_id` or
            `holder_id`, the same stance must match them all.
        claim_type (ClaimType | None | Unset):
        topic (None | str | Unset):
        contested (bool | None | Unset): `true`: claims with stances on both sides (supports and
            opposes); `false`: claims without.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Not with `sort=stance_count` (422), whose order comes
            from each claim's kept count of accepted stances. Default: False.
        sort (GetExportsClaimsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsClaimsFormatSort.ID.

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
        source_id=source_id,
        actor_id=actor_id,
        holder_id=holder_id,
        label=label,
        claim_type=claim_type,
        topic=topic,
        contested=contested,
        review_status=review_status,
        include_candidates=include_candidates,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    format_: ExportFormat,
    *,
    client: AuthenticatedClient | Client,
    include_retracted: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    holder_id: None | str | Unset = UNSET,
    label: Label | None | Unset = UNSET,
    claim_type: ClaimType | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    contested: bool | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    include_candidates: bool | Unset = False,
    sort: GetExportsClaimsFormatSort | Unset = GetExportsClaimsFormatSort.ID,
) -> Response[Any | Problem]:
    """Export claims (CSV or NDJSON)

     Every item of `GET /v1/claims` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Full-text search. Words (all must match), "exact phrases", prefix*
            and -excluded terms; OR between terms (binding tighter than the implicit AND). Case and
            word endings are ignored; common words such as 'the' are left out.
        source_id (None | str | Unset): Claims with a stance in this source.
        actor_id (None | str | Unset): Claims the actor takes part in or holds a stance on.
        holder_id (None | str | Unset): Claims on which this actor holds a stance.
        label (Label | None | Unset): Claims with a stance of this label; with `source_id` or
            `holder_id`, the same stance must match them all.
        claim_type (ClaimType | None | Unset):
        topic (None | str | Unset):
        contested (bool | None | Unset): `true`: claims with stances on both sides (supports and
            opposes); `false`: claims without.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Not with `sort=stance_count` (422), whose order comes
            from each claim's kept count of accepted stances. Default: False.
        sort (GetExportsClaimsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsClaimsFormatSort.ID.

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
        source_id=source_id,
        actor_id=actor_id,
        holder_id=holder_id,
        label=label,
        claim_type=claim_type,
        topic=topic,
        contested=contested,
        review_status=review_status,
        include_candidates=include_candidates,
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
    source_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    holder_id: None | str | Unset = UNSET,
    label: Label | None | Unset = UNSET,
    claim_type: ClaimType | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    contested: bool | None | Unset = UNSET,
    review_status: None | ReviewStatus | Unset = UNSET,
    include_candidates: bool | Unset = False,
    sort: GetExportsClaimsFormatSort | Unset = GetExportsClaimsFormatSort.ID,
) -> Any | Problem | None:
    """Export claims (CSV or NDJSON)

     Every item of `GET /v1/claims` meeting the same filters, in the same order, streamed in constant
    memory as CSV (a header row, then one row per item; list-valued fields `|`-joined or as JSON,
    formula-like cells quoted with `'`) or NDJSON (each line an item exactly as the list gives it).

    Args:
        format_ (ExportFormat):
        include_retracted (bool | Unset): Show retracted records too. Default: False.
        q (None | str | Unset): Full-text search. Words (all must match), "exact phrases", prefix*
            and -excluded terms; OR between terms (binding tighter than the implicit AND). Case and
            word endings are ignored; common words such as 'the' are left out.
        source_id (None | str | Unset): Claims with a stance in this source.
        actor_id (None | str | Unset): Claims the actor takes part in or holds a stance on.
        holder_id (None | str | Unset): Claims on which this actor holds a stance.
        label (Label | None | Unset): Claims with a stance of this label; with `source_id` or
            `holder_id`, the same stance must match them all.
        claim_type (ClaimType | None | Unset):
        topic (None | str | Unset):
        contested (bool | None | Unset): `true`: claims with stances on both sides (supports and
            opposes); `false`: claims without.
        review_status (None | ReviewStatus | Unset): Only records of this review status. Without
            it a list shows accepted records and candidates (proposals of the annotation pipeline,
            each saying so); rejected ones only when asked for.
        include_candidates (bool | Unset): Count candidates (proposals not yet reviewed) too: by
            default only accepted records count. Not with `sort=stance_count` (422), whose order comes
            from each claim's kept count of accepted stances. Default: False.
        sort (GetExportsClaimsFormatSort | Unset): Sort by this field, `-field` for descending;
            ties fall back to id. Default: GetExportsClaimsFormatSort.ID.

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
            source_id=source_id,
            actor_id=actor_id,
            holder_id=holder_id,
            label=label,
            claim_type=claim_type,
            topic=topic,
            contested=contested,
            review_status=review_status,
            include_candidates=include_candidates,
            sort=sort,
        )
    ).parsed
