package dev.wasdk.client;

import dev.wasdk.error.ApiException;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphResponse;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.BlockedUsersJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Blocks, unblocks and lists blocked users of this client's phone number ({@code
 * /{phone-number-id}/block_users}). Get it from {@link WhatsAppClient#blockedUsers()}.
 *
 * <pre>{@code
 * BlockResult r = wa.blockedUsers().block(List.of("+16505551234"));
 * r.failed().forEach(f -> log.warn("not blocked: {}", f));
 * }</pre>
 *
 * <p>Only users who messaged the business in the last 24 hours can be blocked; the list holds at
 * most 64,000 users (error 139101). A partly failed call answers HTTP 400 with error 139100 and the
 * per-user outcome: it returns a {@link BlockResult} naming who failed and why, not an exception.
 *
 * <p>Thread-safe; share one instance.
 */
public final class BlockedUsersApi {
  private final ManagementCalls calls;
  private final String path;
  private final URI uri;

  BlockedUsersApi(ManagementCalls calls, String phoneNumberId) {
    this.calls = calls;
    this.path = GraphTransport.segment(phoneNumberId) + "/block_users";
    this.uri = calls.uri(path);
  }

  /**
   * Blocks users.
   *
   * @param users phone numbers or WhatsApp ids
   * @return who was blocked and who was not
   */
  public BlockResult block(List<String> users) {
    return calls.call(blockCall("POST", users, "block users"));
  }

  /** The async twin of {@link #block(List)}. */
  public CompletableFuture<BlockResult> blockAsync(List<String> users) {
    return calls.callAsync(blockCall("POST", users, "block users"));
  }

  /**
   * Unblocks users.
   *
   * @param users phone numbers or WhatsApp ids
   * @return who was unblocked and who was not
   */
  public BlockResult unblock(List<String> users) {
    return calls.call(blockCall("DELETE", users, "unblock users"));
  }

  /** The async twin of {@link #unblock(List)}. */
  public CompletableFuture<BlockResult> unblockAsync(List<String> users) {
    return calls.callAsync(blockCall("DELETE", users, "unblock users"));
  }

  /**
   * Returns one page of blocked users.
   *
   * @param after the cursor of the previous page, or empty
   * @return the page of WhatsApp ids
   */
  public Page<String> list(Optional<String> after) {
    return calls.call(listCall(after));
  }

  /** The async twin of {@link #list(Optional)}. */
  public CompletableFuture<Page<String>> listAsync(Optional<String> after) {
    return calls.callAsync(listCall(after));
  }

  private ManagementCalls.Call<Page<String>> listCall(Optional<String> after) {
    Objects.requireNonNull(after, "after");
    Map<String, String> q = new LinkedHashMap<>();
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(path, q), "list blocked users"), BlockedUsersJson::readPage);
  }

  /** Returns every blocked user's WhatsApp id as a lazy stream. */
  public Stream<String> stream() {
    return Pages.stream(this::list);
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private ManagementCalls.Call<BlockResult> blockCall(
      String method, List<String> users, String operation) {
    Objects.requireNonNull(users, "users");
    if (users.isEmpty()) {
      throw new IllegalArgumentException("users must not be empty");
    }
    GraphRequest request =
        GraphRequest.json(method, uri, BlockedUsersJson.write(users), true, operation, null)
            .acceptingStatus(s -> s == 400);
    return new ManagementCalls.Call<>(request, this::readBlock);
  }

  private BlockResult readBlock(GraphResponse response) {
    Optional<BlockResult> result = BlockedUsersJson.readResult(response.body());
    if (response.status() == 400 && result.isEmpty()) {
      ApiException error = calls.transport().errorOf(response);
      throw error;
    }
    return result.orElseGet(BlockedUsersJson::empty);
  }
}
