package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.Funnel;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.campaigns.TrackingTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link CampaignStore} in memory. Each campaign's rows sit behind the campaign's own monitor;
 * every step is a short loop over memory, and consumers run on a copy, outside it.
 */
public final class InMemoryCampaignStore implements CampaignStore {
  private final Map<String, CampaignRows> campaigns = new ConcurrentHashMap<>();
  private final Map<String, TrackingTag> byWamid = new ConcurrentHashMap<>();

  private static final class Rec {
    Entry entry;
    RecipientState state = RecipientState.PENDING;
    String worker;
    Instant leaseUntil;
    Instant notBefore = Instant.MIN;
    String wamid;
    dev.wasdk.sender.RejectReason reason;
    int rank;
    int errorCode;
    boolean replied;
    String pricingCategory;
    Instant updatedAt = Instant.EPOCH;
    Instant deliveredAt;

    Rec(Entry entry) {
      this.entry = entry;
    }

    Row row() {
      return new Row(
          entry,
          state,
          Optional.ofNullable(wamid),
          Optional.ofNullable(reason),
          rank,
          errorCode,
          replied,
          Optional.ofNullable(pricingCategory),
          updatedAt,
          Optional.ofNullable(deliveredAt));
    }
  }

  private static final class CampaignRows {
    final List<Rec> rows = new ArrayList<>();
    final Map<String, String> values = new HashMap<>();
    // kept with every change, so that claims, leases and counts need not scan every row
    final Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
    final Map<RecipientState, Long> sampleCounts = new EnumMap<>(RecipientState.class);
    final java.util.TreeSet<Long> claimed = new java.util.TreeSet<>();
    int pendingFrom;

    void move(Rec r, RecipientState to) {
      RecipientState from = r.state;
      if (from == to) {
        return;
      }
      counts.merge(from, -1L, Long::sum);
      counts.merge(to, 1L, Long::sum);
      if (r.entry.sample()) {
        sampleCounts.merge(from, -1L, Long::sum);
        sampleCounts.merge(to, 1L, Long::sum);
      }
      if (from == RecipientState.CLAIMED) {
        claimed.remove(r.entry.index());
      }
      if (to == RecipientState.CLAIMED) {
        claimed.add(r.entry.index());
      }
      if (to == RecipientState.PENDING) {
        pendingFrom = (int) Math.min(pendingFrom, r.entry.index());
      }
      r.state = to;
    }
  }

  private CampaignRows rows(String campaignId) {
    return campaigns.computeIfAbsent(campaignId, k -> new CampaignRows());
  }

  @Override
  public long audienceCursor(String campaignId) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      return c.rows.size();
    }
  }

  @Override
  public boolean appendAudience(String campaignId, long expectedCursor, List<Entry> entries) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      if (c.rows.size() != expectedCursor) {
        return false;
      }
      long i = expectedCursor;
      for (Entry e : entries) {
        if (e.index() != i++) {
          throw new IllegalArgumentException(
              "entries must have consecutive indexes from " + expectedCursor);
        }
      }
      for (Entry e : entries) {
        c.rows.add(new Rec(e));
        c.counts.merge(RecipientState.PENDING, 1L, Long::sum);
        if (e.sample()) {
          c.sampleCounts.merge(RecipientState.PENDING, 1L, Long::sum);
        }
      }
      return true;
    }
  }

  @Override
  public List<Entry> claim(String campaignId, Claim claim) {
    CampaignRows c = rows(campaignId);
    List<Entry> out = new ArrayList<>();
    synchronized (c) {
      int firstSkipped = -1;
      int i = c.pendingFrom;
      for (; i < c.rows.size() && out.size() < claim.limit(); i++) {
        Rec r = c.rows.get(i);
        if (r.state != RecipientState.PENDING) {
          continue;
        }
        boolean waits = r.notBefore.isAfter(claim.now());
        boolean unassigned = r.entry.variant() == null && !claim.includeUnassigned();
        if (waits || unassigned) {
          if (firstSkipped < 0) {
            firstSkipped = i;
          }
          continue;
        }
        if (r.entry.variant() == null && claim.assignTo() != null) {
          r.entry = r.entry.withVariant(claim.assignTo());
        }
        c.move(r, RecipientState.CLAIMED);
        r.worker = claim.worker();
        r.leaseUntil = claim.leaseUntil();
        r.updatedAt = claim.now();
        out.add(r.entry);
      }
      // no row below this index is pending and claimable by a later scan without it
      c.pendingFrom = firstSkipped >= 0 ? firstSkipped : i;
    }
    return out;
  }

  @Override
  public void release(String campaignId, String worker, List<Long> indexes, Instant notBefore) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      for (long i : indexes) {
        Rec r = at(c, i);
        if (r != null && r.state == RecipientState.CLAIMED && worker.equals(r.worker)) {
          c.move(r, RecipientState.PENDING);
          r.worker = null;
          r.notBefore = notBefore;
        }
      }
    }
  }

  @Override
  public int renewClaims(String campaignId, String worker, Instant leaseUntil) {
    CampaignRows c = rows(campaignId);
    int n = 0;
    synchronized (c) {
      for (long i : c.claimed) {
        Rec r = at(c, i);
        if (worker.equals(r.worker)) {
          r.leaseUntil = leaseUntil;
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public int expireClaims(String campaignId, Instant now) {
    CampaignRows c = rows(campaignId);
    int n = 0;
    synchronized (c) {
      for (long i : new ArrayList<>(c.claimed)) {
        Rec r = at(c, i);
        if (r.leaseUntil.isBefore(now)) {
          c.move(r, RecipientState.UNKNOWN);
          r.updatedAt = now;
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public void recordOutcomes(String campaignId, String worker, List<Outcome> outcomes) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      for (Outcome o : outcomes) {
        Rec r = at(c, o.index());
        if (r == null) {
          continue;
        }
        boolean mine = r.state == RecipientState.CLAIMED && worker.equals(r.worker);
        boolean proven = r.state == RecipientState.UNKNOWN && o.state() == RecipientState.SENT;
        if (!mine && !proven) {
          continue;
        }
        c.move(r, o.state());
        r.worker = null;
        r.updatedAt = o.at();
        if (o.wamid() != null) {
          r.wamid = o.wamid();
          byWamid.put(o.wamid(), tag(campaignId, r));
        }
        r.reason = o.reason();
      }
    }
  }

  @Override
  public void recordProgress(String campaignId, List<Progress> progress) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      for (Progress p : progress) {
        Rec r = at(c, p.index());
        if (r == null || r.state == RecipientState.PENDING) {
          continue;
        }
        if (r.wamid == null) {
          r.wamid = p.wamid();
          byWamid.put(p.wamid(), tag(campaignId, r));
        }
        if (r.state == RecipientState.UNKNOWN && p.errorCode() == 0) {
          c.move(r, RecipientState.SENT);
        }
        r.rank = Math.max(r.rank, p.rank());
        if (p.errorCode() != 0) {
          c.move(r, RecipientState.FAILED);
          r.errorCode = p.errorCode();
        }
        if (p.rank() >= 2 && r.deliveredAt == null) {
          r.deliveredAt = p.at();
        }
        r.replied |= p.replied();
        if (p.pricingCategory() != null && r.pricingCategory == null) {
          r.pricingCategory = p.pricingCategory();
        }
      }
    }
  }

  private static TrackingTag tag(String campaignId, Rec r) {
    return TrackingTag.of(
        campaignId, r.entry.variant() == null ? "-" : r.entry.variant(), r.entry.index());
  }

  @Override
  public Optional<TrackingTag> findByWamid(String wamid) {
    return Optional.ofNullable(byWamid.get(wamid));
  }

  @Override
  public Optional<Row> recipient(String campaignId, long index) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      Rec r = at(c, index);
      return r == null ? Optional.empty() : Optional.of(r.row());
    }
  }

  @Override
  public void forEachRecipient(String campaignId, Consumer<Row> consumer) {
    CampaignRows c = rows(campaignId);
    int size;
    synchronized (c) {
      size = c.rows.size();
    }
    for (int i = 0; i < size; i += 1000) {
      List<Row> chunk = new ArrayList<>();
      synchronized (c) {
        for (int j = i; j < Math.min(size, i + 1000); j++) {
          chunk.add(c.rows.get(j).row());
        }
      }
      chunk.forEach(consumer);
    }
  }

  @Override
  public Map<RecipientState, Long> counts(String campaignId, boolean sampleOnly) {
    CampaignRows c = rows(campaignId);
    Map<RecipientState, Long> out = new EnumMap<>(RecipientState.class);
    synchronized (c) {
      (sampleOnly ? c.sampleCounts : c.counts)
          .forEach(
              (state, n) -> {
                if (n > 0) {
                  out.put(state, n);
                }
              });
    }
    return out;
  }

  @Override
  public Map<String, Funnel> funnels(String campaignId, boolean sampleOnly) {
    CampaignRows c = rows(campaignId);
    Map<String, FunnelAccumulator> acc = new TreeMap<>();
    Map<String, String> values;
    synchronized (c) {
      for (Rec r : c.rows) {
        if (r.entry.variant() == null || (sampleOnly && !r.entry.sample())) {
          continue;
        }
        acc.computeIfAbsent(r.entry.variant(), k -> new FunnelAccumulator())
            .add(
                1,
                r.state,
                r.wamid != null,
                r.reason,
                r.rank,
                r.errorCode,
                r.replied,
                r.pricingCategory);
      }
      values = new HashMap<>(c.values);
    }
    Map<String, Funnel> out = new TreeMap<>();
    acc.forEach(
        (v, a) -> out.put(v, a.funnel(Long.parseLong(values.getOrDefault("clicks." + v, "0")))));
    return out;
  }

  @Override
  public Optional<String> value(String campaignId, String key) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      return Optional.ofNullable(c.values.get(key));
    }
  }

  @Override
  public String putValueIfAbsent(String campaignId, String key, String value) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      return c.values.computeIfAbsent(key, k -> value);
    }
  }

  @Override
  public void putValue(String campaignId, String key, String value) {
    CampaignRows c = rows(campaignId);
    synchronized (c) {
      c.values.put(key, value);
    }
  }

  private static Rec at(CampaignRows c, long index) {
    return index >= 0 && index < c.rows.size() ? c.rows.get((int) index) : null;
  }

  @Override
  public String toString() {
    return "InMemoryCampaignStore[campaigns=" + campaigns.keySet() + "]";
  }
}
