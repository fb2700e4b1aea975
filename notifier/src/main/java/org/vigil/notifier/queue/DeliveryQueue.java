package org.vigil.notifier.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.vigil.notifier.NotifierKeys;
import org.vigil.notifier.plan.PlannedDelivery;
import org.vigil.notifier.plan.Priority;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;

/**
 * The messages the notifier owes, in Redis ({@link NotifierKeys} has the layout).
 *
 * <p>
 * A message is sent at least once: it is claimed with a lease (moved from its due set to
 * the in-flight set) before it is handed to a channel, and leaves the in-flight set only
 * when the outcome is recorded. A sender that dies between the two leaves it in flight;
 * when the lease runs out the next claim puts it back and it is sent again. A duplicate
 * is possible, silence is not. Planning the same message twice plans one: the key is
 * (request, step, officer, channel).
 */
public class DeliveryQueue {

	private static final RedisScript<Long> ENQUEUE = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
			redis.call('SADD', KEYS[3], ARGV[1])
			return 1
			""", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = new DefaultRedisScript<>("""
			local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
			for _, m in ipairs(expired) do
			  redis.call('ZREM', KEYS[1], m)
			  local h = redis.call('HMGET', ARGV[4] .. m, 'status', 'priority')
			  if h[1] == 'QUEUED' then redis.call('ZADD', KEYS[2 + tonumber(h[2])], ARGV[1], m) end
			end
			local out = {}
			local max = tonumber(ARGV[3])
			for i = 2, #KEYS do
			  if #out >= max then break end
			  local due = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', ARGV[1], 'LIMIT', 0, max - #out)
			  for _, m in ipairs(due) do
			    redis.call('ZREM', KEYS[i], m)
			    redis.call('ZADD', KEYS[1], ARGV[2], m)
			    redis.call('HINCRBY', ARGV[4] .. m, 'attempts', 1)
			    table.insert(out, m)
			  end
			end
			return out
			""", List.class);

	private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
			redis.call('ZREM', KEYS[1], ARGV[1])
			local h = redis.call('HMGET', KEYS[2], 'status', 'priority')
			if h[1] ~= 'QUEUED' then return 0 end
			redis.call('ZADD', ARGV[3] .. h[2], ARGV[2], ARGV[1])
			return 1
			""", Long.class);

	private static final RedisScript<Long> MARK = new DefaultRedisScript<>("""
			redis.call('ZREM', KEYS[2], ARGV[2])
			local status = redis.call('HGET', KEYS[1], 'status')
			if status == false then return 0 end
			if status == 'DELIVERED' or status == 'FAILED' then return 0 end
			if status == ARGV[1] then return 0 end
			if status == 'CANCELLED' and ARGV[1] ~= 'SENT' then return 0 end
			redis.call('HSET', KEYS[1], 'status', ARGV[1], 'detail', ARGV[4])
			redis.call('ZREM', KEYS[3], ARGV[2])
			if ARGV[3] ~= '' and status ~= 'CANCELLED' then redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2]) end
			return 1
			""", Long.class);

	private static final RedisScript<String> ADVANCE = new DefaultRedisScript<>("""
			local best, bestDue, bestOrder, bestPrio = nil, nil, nil, nil
			for _, m in ipairs(redis.call('SMEMBERS', KEYS[1])) do
			  local h = redis.call('HMGET', ARGV[2] .. m, 'status', 'fence', 'officer', 'due', 'order', 'priority')
			  if h[1] == 'QUEUED' and h[2] == ARGV[3] and h[3] == ARGV[4] and tonumber(h[4]) > tonumber(ARGV[1]) then
			    local d, o = tonumber(h[4]), tonumber(h[5])
			    if best == nil or d < bestDue or (d == bestDue and o < bestOrder) then
			      best, bestDue, bestOrder, bestPrio = m, d, o, h[6]
			    end
			  end
			end
			if best == nil then return false end
			redis.call('HSET', ARGV[2] .. best, 'due', ARGV[1])
			redis.call('ZADD', ARGV[5] .. bestPrio, ARGV[1], best)
			return best
			""", String.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CANCEL = new DefaultRedisScript<>("""
			local out = {}
			for _, m in ipairs(redis.call('SMEMBERS', KEYS[1])) do
			  local h = redis.call('HMGET', ARGV[1] .. m, 'status', 'fence', 'priority')
			  if ARGV[2] == '-1' or tonumber(h[2]) < tonumber(ARGV[2]) then
			    redis.call('ZREM', KEYS[2], m)
			    if h[1] == 'QUEUED' then
			      redis.call('HSET', ARGV[1] .. m, 'status', 'CANCELLED')
			      redis.call('ZREM', ARGV[3] .. h[3], m)
			      table.insert(out, m)
			    end
			  end
			end
			return out
			""", List.class);

	private static final RedisScript<Long> RECORDED = new DefaultRedisScript<>("""
			local h = redis.call('HMGET', KEYS[1], 'status', 'priority')
			if h[1] ~= 'QUEUED' then return 0 end
			redis.call('HSET', KEYS[1], 'status', ARGV[1])
			redis.call('ZREM', ARGV[3] .. h[2], ARGV[2])
			return 1
			""", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> UNCONFIRMED = new DefaultRedisScript<>("""
			local out = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
			for _, m in ipairs(out) do redis.call('ZREM', KEYS[1], m) end
			return out
			""", List.class);

	private final StringRedisTemplate redis;

	private final NotifierKeys keys;

	public DeliveryQueue(StringRedisTemplate redis, NotifierKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Plans a message, unless it was planned before.
	 * @return whether it is new
	 */
	public boolean enqueue(PlannedDelivery delivery) {
		DeliveryKey key = delivery.key();
		List<String> args = new ArrayList<>(List.of(key.value(), Long.toString(delivery.due().toEpochMilli())));
		args.addAll(List.of("status", DeliveryStatus.QUEUED.name(), "step", Integer.toString(key.step()), "officer",
				key.officer().value(), "due", Long.toString(delivery.due().toEpochMilli()), "order",
				Integer.toString(delivery.order()), "urgency", delivery.urgency().name(), "from",
				delivery.from().value(), "to", delivery.to().value(), "fence", Long.toString(delivery.fence()),
				"alertSequence", Long.toString(delivery.alertSequence()), "priority",
				Integer.toString(delivery.priority().rank()), "attempts", "0", "drill",
				Boolean.toString(delivery.drill())));
		Long added = this.redis.execute(ENQUEUE, List.of(this.keys.delivery(key),
				this.keys.due(delivery.priority().rank()), this.keys.request(key.requestId())), args.toArray());
		return added != null && added == 1L;
	}

	/**
	 * Claims up to {@code max} due messages, first pages first, each for {@code lease};
	 * first puts back the messages whose lease ran out without an outcome.
	 */
	public List<DeliveryKey> claim(Instant now, Duration lease, int max) {
		List<String> keys = new ArrayList<>();
		keys.add(this.keys.inflight());
		for (Priority priority : Priority.values()) {
			keys.add(this.keys.due(priority.rank()));
		}
		List<?> claimed = this.redis.execute(CLAIM, keys, Long.toString(now.toEpochMilli()),
				Long.toString(now.plus(lease).toEpochMilli()), Integer.toString(max), deliveryPrefix());
		return (claimed != null) ? claimed.stream().map((value) -> DeliveryKey.parse(value.toString())).toList()
				: List.of();
	}

	/**
	 * Gives a claimed message back, due at {@code at}: the channel had no room for it.
	 */
	public void release(DeliveryKey key, Instant at) {
		this.redis.execute(RELEASE, List.of(this.keys.inflight(), this.keys.delivery(key)), key.value(),
				Long.toString(at.toEpochMilli()), this.keys.duePrefix());
	}

	/**
	 * Records a new status, and ends the message's lease.
	 * @param receiptBy for SENT by a channel with delivery receipts, when the receipt
	 * must have come; null otherwise
	 * @return whether the status changed: a repeated or late update (a receipt after a
	 * failure) changes nothing
	 */
	public boolean mark(DeliveryKey key, DeliveryStatus status, Instant receiptBy, String detail) {
		Long changed = this.redis.execute(MARK,
				List.of(this.keys.delivery(key), this.keys.inflight(), this.keys.confirm()), status.name(), key.value(),
				(receiptBy != null) ? Long.toString(receiptBy.toEpochMilli()) : "", (detail != null) ? detail : "");
		return changed != null && changed == 1L;
	}

	/**
	 * After a channel failed: brings the officer's next message of that alert forward to
	 * now.
	 * @return the message brought forward, if one was still to come
	 */
	public Optional<DeliveryKey> advanceNext(DeliveryKey failed, Instant now) {
		String next = this.redis.execute(ADVANCE, List.of(this.keys.request(failed.requestId())),
				Long.toString(now.toEpochMilli()), deliveryPrefix(), Long.toString(failed.fence()),
				failed.officer().value(), this.keys.duePrefix());
		return Optional.ofNullable(next).map(DeliveryKey::parse);
	}

	/**
	 * Cancels a request's messages not sent yet, and stops waiting for receipts.
	 * @param fenceBelow only those planned by alerts with a fence below this; -1 for all
	 * @return the messages cancelled
	 */
	public List<DeliveryKey> cancel(RequestId requestId, long fenceBelow) {
		List<?> cancelled = this.redis.execute(CANCEL, List.of(this.keys.request(requestId), this.keys.confirm()),
				deliveryPrefix(), Long.toString(fenceBelow), this.keys.duePrefix());
		return (cancelled != null) ? cancelled.stream().map((value) -> DeliveryKey.parse(value.toString())).toList()
				: List.of();
	}

	/**
	 * While rebuilding: a message planned again whose record says it was already sent (or
	 * failed, or was cancelled) is not sent again. SENT ones wait for no receipt: the
	 * provider's callback, if it comes, still records it.
	 * @return whether it changed
	 */
	public boolean recorded(DeliveryKey key, DeliveryStatus status) {
		Long changed = this.redis.execute(RECORDED, List.of(this.keys.delivery(key)), status.name(), key.value(),
				this.keys.duePrefix());
		return changed != null && changed == 1L;
	}

	/** Whether this Redis holds an index built before (absent: new, or lost). */
	public boolean indexBuilt() {
		return Boolean.TRUE.equals(this.redis.hasKey(this.keys.indexBuilt()));
	}

	public void markIndexBuilt(Instant at) {
		this.redis.opsForValue().set(this.keys.indexBuilt(), at.toString());
	}

	/** Takes up to {@code max} messages whose receipt is overdue at {@code now}. */
	public List<DeliveryKey> takeUnconfirmed(Instant now, int max) {
		List<?> taken = this.redis.execute(UNCONFIRMED, List.of(this.keys.confirm()), Long.toString(now.toEpochMilli()),
				Integer.toString(max));
		return (taken != null) ? taken.stream().map((value) -> DeliveryKey.parse(value.toString())).toList()
				: List.of();
	}

	public Optional<StoredDelivery> find(DeliveryKey key) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(this.keys.delivery(key));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new StoredDelivery(key, DeliveryStatus.valueOf(text(hash, "status")),
				Instant.ofEpochMilli(Long.parseLong(text(hash, "due"))), Urgency.valueOf(text(hash, "urgency")),
				CountryCode.of(text(hash, "from")), CountryCode.of(text(hash, "to")),
				Long.parseLong(text(hash, "fence")), Long.parseLong(text(hash, "alertSequence")),
				Priority.values()[Integer.parseInt(text(hash, "priority"))], Integer.parseInt(text(hash, "attempts")),
				Boolean.parseBoolean(text(hash, "drill"))));
	}

	/** The keys of a request's messages, in no order. */
	public List<DeliveryKey> ofRequest(RequestId requestId) {
		return this.redis.opsForSet().members(this.keys.request(requestId)).stream().map(DeliveryKey::parse).toList();
	}

	private String deliveryPrefix() {
		return this.keys.deliveryPrefix();
	}

	private static String text(Map<Object, Object> hash, String field) {
		Object value = hash.get(field);
		return (value != null) ? value.toString() : "";
	}

}
