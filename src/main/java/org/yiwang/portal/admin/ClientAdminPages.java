package org.yiwang.portal.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.oidc.OidcClients;
import org.yiwang.identity.oidc.OidcClients.Client;
import org.yiwang.identity.oidc.OidcClients.SignsIn;
import org.yiwang.portal.PageNotFoundException;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * 接入系统管理 for platform administrators: the OpenID Connect clients, registering one (the generated secret is
 * shown once, on the page that answers the registration, and never stored in the session), changing its name,
 * redirect URIs, scopes and minimum assurance level, replacing its secret, disabling and enabling it. The identity
 * module checks everything; its refusals are shown next to the fields.
 */
@Controller
@RequestMapping("/admin/clients")
class ClientAdminPages {

    /** What a platform administrator registers, in the words of the page. */
    enum Kind {
        /** A department's server-side system: confidential, authorization code with PKCE, refresh tokens. */
        DEPARTMENT_SYSTEM("CONFIDENTIAL", "authorization_code", "refresh_token"),
        /** A mobile or single-page app: public, authorization code with PKCE, rotating refresh tokens. */
        APP("PUBLIC", "authorization_code", "refresh_token"),
        /** A system calling the platform API on its own behalf: client credentials. */
        SYSTEM("CONFIDENTIAL", "client_credentials");

        final String type;
        final List<String> grants;

        Kind(String type, String... grants) {
            this.type = type;
            this.grants = List.of(grants);
        }

        static Kind of(Client client) {
            if (client.type() == OidcClients.Type.PUBLIC) {
                return APP;
            }
            return client.grantTypes().equals(List.of("client_credentials")) ? SYSTEM : DEPARTMENT_SYSTEM;
        }
    }

    /** The form: URIs one per line; {@code minimumLevel} empty for none. */
    record ClientForm(@Nullable String clientId, @Nullable String name, @Nullable String kind,
            @Nullable String signsIn, @Nullable String redirectUris, @Nullable String postLogoutRedirectUris,
            @Nullable List<String> scopes, @Nullable String minimumLevel) {

        static ClientForm blank() {
            return new ClientForm("", "", Kind.DEPARTMENT_SYSTEM.name(), SignsIn.CITIZENS.name(), "", "",
                    List.of("openid", "profile"), "");
        }

        static ClientForm of(Client c) {
            return new ClientForm(c.clientId(), c.name(), Kind.of(c).name(), c.signsIn().name(),
                    String.join("\n", c.redirectUris()), String.join("\n", c.postLogoutRedirectUris()), c.scopes(),
                    c.minimumLevel() == null ? "" : String.valueOf(c.minimumLevel()));
        }

        @Nullable Kind chosenKind() {
            return Arrays.stream(Kind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        }

        List<String> scopeList() {
            return scopes == null ? List.of() : scopes;
        }

        /** A value that is not a level is passed on as one, so that the identity module refuses it. */
        @Nullable Integer level() {
            if (minimumLevel == null || minimumLevel.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(minimumLevel.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        OidcClients.Registration registration(@Nullable Kind fixedKind, @Nullable List<String> fixedGrants) {
            Kind k = fixedKind != null ? fixedKind : chosenKind();
            return new OidcClients.Registration(clientId, name, k == null ? "" : k.type, lines(redirectUris),
                    lines(postLogoutRedirectUris), scopeList(),
                    fixedGrants != null ? fixedGrants : k == null ? List.of() : k.grants, signsIn, level());
        }

        private static List<String> lines(@Nullable String text) {
            return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    /** The scopes offered on the form, in this order. */
    static final List<String> SCOPES = List.of("openid", "profile", "phone", "idcard", "enterprise", "offline_access",
            "api");

    private final OidcClients clients;
    private final AdminMessages messages;

    ClientAdminPages(OidcClients clients, AdminMessages messages) {
        this.clients = clients;
        this.messages = messages;
    }

    /** Also enforced by the web security rules; kept here so that the pages never rely on a path pattern alone. */
    @ModelAttribute
    void requirePlatformAdmin() {
        if (!CurrentStaff.require().has(StaffRole.PLATFORM_ADMIN)) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
    }

    @GetMapping
    String list(Model model) {
        List<Client> all = clients.list();
        model.addAttribute("clients", all);
        model.addAttribute("kinds", all.stream().collect(Collectors.toMap(Client::clientId,
                Kind::of)));
        return "admin/clients";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, ClientForm.blank(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") ClientForm form, Model model, HttpServletResponse response) {
        try {
            OidcClients.Registered registered = clients.register(form.registration(null, null));
            return secretPage(model, registered, "admin.clients.created", response);
        } catch (BusinessException e) {
            return form(model, form, null, errors(e));
        }
    }

    @GetMapping("/{clientId}")
    String detail(@PathVariable String clientId, Model model) {
        Client client = existing(clientId);
        return form(model, ClientForm.of(client), client, Map.of());
    }

    @PostMapping("/{clientId}")
    String update(@PathVariable String clientId, @ModelAttribute("form") ClientForm form, Model model,
            RedirectAttributes flash) {
        Client client = existing(clientId);
        ClientForm submitted = new ClientForm(clientId, form.name(), Kind.of(client).name(),
                client.signsIn().name(), form.redirectUris(), form.postLogoutRedirectUris(), form.scopes(),
                form.minimumLevel());
        try {
            clients.update(clientId, submitted.registration(Kind.of(client), client.grantTypes()));
            flash.addFlashAttribute("notice", messages.get("admin.clients.saved", client.name()));
            return "redirect:/admin/clients/" + clientId;
        } catch (BusinessException e) {
            return form(model, submitted, client, errors(e));
        }
    }

    @PostMapping("/{clientId}/secret")
    String rotateSecret(@PathVariable String clientId, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        existing(clientId);
        try {
            return secretPage(model, clients.rotateSecret(clientId), "admin.clients.secretRotated", response);
        } catch (BusinessException e) {
            flash.addFlashAttribute("failure", messages.of(e));
            return "redirect:/admin/clients/" + clientId;
        }
    }

    @PostMapping("/{clientId}/disable")
    String disable(@PathVariable String clientId, RedirectAttributes flash) {
        Client client = clients.setEnabled(existing(clientId).clientId(), false);
        flash.addFlashAttribute("notice", messages.get("admin.clients.disabled", client.name()));
        return "redirect:/admin/clients/" + clientId;
    }

    @PostMapping("/{clientId}/enable")
    String enable(@PathVariable String clientId, RedirectAttributes flash) {
        Client client = clients.setEnabled(existing(clientId).clientId(), true);
        flash.addFlashAttribute("notice", messages.get("admin.clients.enabled", client.name()));
        return "redirect:/admin/clients/" + clientId;
    }

    /** The secret is on this page only: not cached, not kept in the session. */
    private String secretPage(Model model, OidcClients.Registered registered, String noticeKey,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("client", registered.client());
        model.addAttribute("kind", Kind.of(registered.client()));
        model.addAttribute("secret", registered.clientSecret());
        model.addAttribute("notice", messages.get(noticeKey, registered.client().name()));
        return "admin/client-secret";
    }

    private String form(Model model, ClientForm form, @Nullable Client client, Map<String, List<String>> errors) {
        model.addAttribute("form", form);
        model.addAttribute("selectedScopes", form.scopeList());
        model.addAttribute("client", client);
        model.addAttribute("kind", client == null ? null : Kind.of(client));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("audiences", SignsIn.values());
        model.addAttribute("allScopes", SCOPES);
        model.addAttribute("levels", Arrays.stream(AssuranceLevel.values()).filter(l -> l.rank() >= 2).toList());
        return "admin/client-form";
    }

    private Client existing(String clientId) {
        return clients.find(clientId).orElseThrow(() -> new PageNotFoundException("admin.clients.notFound",
                clientId));
    }

    /** Refusals by form field; the identity module's field {@code type} and {@code grantTypes} are the kind here. */
    private Map<String, List<String>> errors(BusinessException e) {
        Map<String, List<String>> byField = messages.byField(e);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        byField.forEach((field, list) -> errors.computeIfAbsent(
                field.equals("type") || field.equals("grantTypes") ? "kind" : field, f -> new ArrayList<>())
                .addAll(list));
        return errors;
    }
}
