package org.vigil.directory.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.vigil.protocol.OfficerId;

/**
 * Whom a step of an escalation policy pages.
 * <p>
 * In JSON, every target but named officers is the string of its kind
 * ({@code "PRIMARY_ON_CALL"}), as when this was an enum, so entries written then still
 * read; named officers are {@code {"officers": ["fr.durand", …]}}.
 *
 * @param kind what sort of target
 * @param officers the officers of a {@link Kind#NAMED_OFFICERS} target, in paging order;
 * empty for every other kind
 */
public record StepTarget(Kind kind, List<OfficerId> officers) {

	/** The officer on call in the contact point's roster. */
	public static final StepTarget PRIMARY_ON_CALL = new StepTarget(Kind.PRIMARY_ON_CALL, List.of());

	/** The officer backing up the primary. */
	public static final StepTarget SECONDARY_ON_CALL = new StepTarget(Kind.SECONDARY_ON_CALL, List.of());

	/** Every supervisor of the contact point. */
	public static final StepTarget SUPERVISORS = new StepTarget(Kind.SUPERVISORS, List.of());

	/** Every officer of the contact point with the role OFFICER. */
	public static final StepTarget TEAM = new StepTarget(Kind.TEAM, List.of());

	public StepTarget {
		Objects.requireNonNull(kind, "kind");
		officers = (officers != null) ? List.copyOf(officers) : List.of();
		if ((kind == Kind.NAMED_OFFICERS) == officers.isEmpty()) {
			throw new IllegalArgumentException("a step names officers if and only if it pages named officers");
		}
	}

	/** A step that pages these officers, whoever is on call. */
	public static StepTarget officers(List<OfficerId> named) {
		return new StepTarget(Kind.NAMED_OFFICERS, named);
	}

	/** The target of a kind that names nobody. */
	public static StepTarget of(Kind kind) {
		return switch (kind) {
			case PRIMARY_ON_CALL -> PRIMARY_ON_CALL;
			case SECONDARY_ON_CALL -> SECONDARY_ON_CALL;
			case SUPERVISORS -> SUPERVISORS;
			case TEAM -> TEAM;
			case NAMED_OFFICERS -> throw new IllegalArgumentException("named officers need their names");
		};
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static StepTarget fromJson(Object json) {
		if (json instanceof String kind) {
			return of(Kind.valueOf(kind));
		}
		if (json instanceof Map<?, ?> object && object.get("officers") instanceof List<?> named) {
			return officers(named.stream().map((id) -> OfficerId.of(String.valueOf(id))).toList());
		}
		throw new IllegalArgumentException("a step target is a kind, or {\"officers\": [...]}: " + json);
	}

	@JsonValue
	Object toJson() {
		return (this.kind == Kind.NAMED_OFFICERS)
				? Map.of("officers", this.officers.stream().map(OfficerId::value).toList()) : this.kind.name();
	}

	/** The kind, or the kind and the officers named: how logs and reasons show it. */
	@Override
	public String toString() {
		return (this.kind == Kind.NAMED_OFFICERS) ? this.kind + this.officers.toString() : this.kind.name();
	}

	/** The sorts of step target. */
	public enum Kind {

		/** The officer on call. */
		PRIMARY_ON_CALL,

		/** The officer backing up the primary. */
		SECONDARY_ON_CALL,

		/** Every supervisor of the contact point. */
		SUPERVISORS,

		/** Every officer of the contact point with the role OFFICER. */
		TEAM,

		/** Officers named in the step, whoever is on call. */
		NAMED_OFFICERS

	}

}
