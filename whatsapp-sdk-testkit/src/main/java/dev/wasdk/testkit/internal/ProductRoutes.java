package dev.wasdk.testkit.internal;

import java.time.Instant;

/**
 * Routes the requests of the Calling, Groups and account-administration APIs to their endpoints,
 * before the simulator's own routing: calls, call permissions and settings, groups and their edges,
 * the two-step PIN and display name, conversational automation, upload sessions, and the template
 * library and migration. Thread-safe: the endpoints are.
 */
public final class ProductRoutes {
  final CallingEndpoints calling;
  final GroupEndpoints groups;
  final AdminEndpoints admin;
  final TemplateLibraryEndpoints library;
  final AccountEndpoints account;
  private final Simulator sim;

  ProductRoutes(Simulator sim) {
    this.sim = sim;
    this.calling = new CallingEndpoints(sim);
    this.groups = new GroupEndpoints(sim);
    this.admin = new AdminEndpoints();
    this.library = new TemplateLibraryEndpoints(sim);
    this.account = new AccountEndpoints(sim);
  }

  /** Returns the Calling API endpoints and the simulated users' side of calls. */
  public CallingEndpoints calling() {
    return calling;
  }

  /** Returns the Groups API endpoints and the simulated users' side of groups. */
  public GroupEndpoints groups() {
    return groups;
  }

  /** Returns the account-administration endpoints: PIN, display name, automation, uploads. */
  public AdminEndpoints admin() {
    return admin;
  }

  /**
   * Answers a request these APIs own, or returns null for the simulator's own routing.
   *
   * @param seg the path segments: version, id, and an optional edge
   */
  SimResponse route(String[] seg, String method, SimRequest req, Instant now) {
    String id = seg[1];
    String edge = seg.length == 3 ? seg[2] : null;
    if (edge == null && id.equals("message_template_library")) {
      return library.browse(method, req);
    }
    if (edge == null && AdminEndpoints.isSession(id)) {
      return admin.session(method, id, req);
    }
    if (groups.has(id)) {
      return edge == null
          ? groups.object(method, id, req, now)
          : groups.edge(method, id, edge, req, now);
    }
    if ("uploads".equals(edge) && method.equals("POST") && !sim.phones.containsKey(id)) {
      return admin.openSession(req);
    }
    Simulator.Phone phone = sim.phones.get(id);
    if (phone != null) {
      if (edge == null) {
        if (method.equals("POST")) {
          return admin.phonePost(phone, req);
        }
        if (method.equals("GET")
            && req.query("fields").filter("conversational_automation"::equals).isPresent()) {
          return admin.conversationalAutomation(phone, method, req);
        }
        if (method.equals("GET")
            && req.query("fields").filter(f -> f.contains("new_display_name")).isPresent()) {
          return admin.displayName(phone);
        }
        return null;
      }
      switch (edge) {
        case "calls":
          Simulator.requireMethod(method, id, "POST");
          return calling.calls(phone, req, now);
        case "call_permissions":
          Simulator.requireMethod(method, id, "GET");
          return calling.permissions(phone, req, now);
        case "settings":
          return calling.settings(phone, method, req);
        case "groups":
          return groups.phoneEdge(phone, method, req, now);
        case "conversational_automation":
          return admin.conversationalAutomation(phone, method, req);
        default:
          return null;
      }
    }
    if (id.equals(sim.settings.wabaId()) && edge != null) {
      if (edge.equals("message_templates") && TemplateLibraryEndpoints.fromLibrary(method, req)) {
        return library.create(req);
      }
      if (edge.equals("migrate_message_templates")) {
        return library.migrate(method, req);
      }
    }
    return null;
  }
}
