from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_type import ClaimType
from ...models.faceted_page_claim_public import FacetedPageClaimPublic
from ...models.label import Label
from ...models.list_claims_sort import ListClaimsSort
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
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
    sort: ListClaimsSort | Unset = ListClaimsSort.ID,
    facets: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

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

    json_facets: None | str | Unset
    if isinstance(facets, Unset):
        json_facets = UNSET
    else:
        json_facets = facets
    params["facets"] = json_facets

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FacetedPageClaimPublic | Problem | None:
    if response.status_code == 200:
        response_200 = FacetedPageClaimPublic.from_dict(response.json())

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
) -> Response[Any | FacetedPageClaimPublic | Problem]:
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
    sort: ListClaimsSort | Unset = ListClaimsSort.ID,
    facets: None | str | Unset = UNSET,
) -> Response[Any | FacetedPageClaimPublic | Problem]:
    """List claims

     Claims with topics and actors, in `sort` order (id by default); filters combine
    with AND; `facets` adds counts per value over the whole filtered list.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
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
        sort (ListClaimsSort | Unset): Sort by this field, `-field` for descending; ties fall back
            to id. Default: ListClaimsSort.ID.
        facets (None | str | Unset): Comma-separated facets to count over the whole filtered list:
            `claim_type`, `topic`, `source_id`, `label`, `holder_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FacetedPageClaimPublic | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
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
        facets=facets,
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
    sort: ListClaimsSort | Unset = ListClaimsSort.ID,
    facets: None | str | Unset = UNSET,
) -> Any | FacetedPageClaimPublic | Problem | None:
    """List claims

     Claims with topics and actors, in `sort` order (id by default); filters combine
    with AND; `facets` adds counts per value over the whole filtered list.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
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
        sort (ListClaimsSort | Unset): Sort by this field, `-field` for descending; ties fall back
            to id. Default: ListClaimsSort.ID.
        facets (None | str | Unset): Comma-separated facets to count over the whole filtered list:
            `claim_type`, `topic`, `source_id`, `label`, `holder_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FacetedPageClaimPublic | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
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
        facets=facets,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
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
    sort: ListClaimsSort | Unset = ListClaimsSort.ID,
    facets: None | str | Unset = UNSET,
) -> Response[Any | FacetedPageClaimPublic | Problem]:
    """List claims

     Claims with topics and actors, in `sort` order (id by default); filters combine
    with AND; `facets` adds counts per value over the whole filtered list.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
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
        sort (ListClaimsSort | Unset): Sort by this field, `-field` for descending; ties fall back
            to id. Default: ListClaimsSort.ID.
        facets (None | str | Unset): Comma-separated facets to count over the whole filtered list:
            `claim_type`, `topic`, `source_id`, `label`, `holder_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FacetedPageClaimPublic | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
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
        facets=facets,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
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
    sort: ListClaimsSort | Unset = ListClaimsSort.ID,
    facets: None | str | Unset = UNSET,
) -> Any | FacetedPageClaimPublic | Problem | None:
    """List claims

     Claims with topics and actors, in `sort` order (id by default); filters combine
    with AND; `facets` adds counts per value over the whole filtered list.

    Args:
        limit (int | Unset): Items per page (1 to 500). Default: 50.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit for the first
            page.
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
        sort (ListClaimsSort | Unset): Sort by this field, `-field` for descending; ties fall back
            to id. Default: ListClaimsSort.ID.
        facets (None | str | Unset): Comma-separated facets to count over the whole filtered list:
            `claim_type`, `topic`, `source_id`, `label`, `holder_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FacetedPageClaimPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
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
            facets=facets,
        )
    ).parsed
