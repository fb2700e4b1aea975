package org.vigil.gateway;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.vigil.gateway.problem.InvalidFields;

/**
 * The one way the API pages a list: {@code ?limit=&cursor=}, the body the page's items,
 * and the next page's address in a {@code Link: <…>; rel="next"} header (RFC 8288),
 * absent on the last page. A cursor is opaque to clients: copy it from the link.
 */
public final class Paging {

	/** The largest page any list gives. */
	public static final int MAX_LIMIT = 500;

	private Paging() {
	}

	/**
	 * The page size asked for, or {@code defaultLimit}.
	 * @throws InvalidFields unless 1 to {@link #MAX_LIMIT}
	 */
	public static int limit(Integer requested, int defaultLimit) {
		int limit = (requested != null) ? requested : defaultLimit;
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidFields.of("limit", "must be 1 to " + MAX_LIMIT);
		}
		return limit;
	}

	/**
	 * A 200 with the page, and the link to the next one when {@code nextCursor} is not
	 * null; the link repeats the call's other parameters.
	 */
	public static <T> ResponseEntity<List<T>> page(List<T> items, String nextCursor, int limit) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (nextCursor != null) {
			// Relative to the host the client called, which a proxy may have changed.
			UriComponents next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("limit", limit)
				.replaceQueryParam("cursor", nextCursor)
				.build()
				.encode();
			ok.header(HttpHeaders.LINK, "<" + next.getPath() + "?" + next.getQuery() + ">; rel=\"next\"");
		}
		return ok.body(items);
	}

}
