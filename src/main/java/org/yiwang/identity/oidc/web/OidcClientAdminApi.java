package org.yiwang.identity.oidc.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.oidc.OidcClients;
import org.yiwang.identity.oidc.OidcError;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * Registration of OpenID Connect clients by a platform administrator: register, change, replace the secret, disable
 * and enable. A secret appears only in the answer that created it.
 */
@RestController
@RequestMapping("/api/v1/admin/oidc-clients")
class OidcClientAdminApi {

    private final OidcClients clients;

    OidcClientAdminApi(OidcClients clients) {
        this.clients = clients;
    }

    @PostMapping
    ResponseEntity<OidcClients.Registered> register(@RequestBody OidcClients.Registration registration) {
        requirePlatformAdmin();
        OidcClients.Registered registered = clients.register(registration);
        return ResponseEntity.created(URI.create("/api/v1/admin/oidc-clients/" + registered.client().clientId()))
                .body(registered);
    }

    @GetMapping
    List<OidcClients.Client> list() {
        requirePlatformAdmin();
        return clients.list();
    }

    @GetMapping("/{clientId}")
    OidcClients.Client get(@PathVariable String clientId) {
        requirePlatformAdmin();
        return clients.find(clientId)
                .orElseThrow(() -> new BusinessException(OidcError.IDENTITY_OIDC_CLIENT_NOT_FOUND, clientId));
    }

    @PutMapping("/{clientId}")
    OidcClients.Client update(@PathVariable String clientId, @RequestBody OidcClients.Registration registration) {
        requirePlatformAdmin();
        return clients.update(clientId, registration);
    }

    /** A new secret for a confidential client, shown only in this answer; the old one stops working at once. */
    @PostMapping("/{clientId}/secret")
    OidcClients.Registered rotateSecret(@PathVariable String clientId) {
        requirePlatformAdmin();
        return clients.rotateSecret(clientId);
    }

    /** Disables the client: it gets no more tokens, and its authorizations are revoked. */
    @PostMapping("/{clientId}/disable")
    OidcClients.Client disable(@PathVariable String clientId) {
        requirePlatformAdmin();
        return clients.setEnabled(clientId, false);
    }

    @PostMapping("/{clientId}/enable")
    OidcClients.Client enable(@PathVariable String clientId) {
        requirePlatformAdmin();
        return clients.setEnabled(clientId, true);
    }

    private static void requirePlatformAdmin() {
        if (!CurrentStaff.require().has(StaffRole.PLATFORM_ADMIN)) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
    }
}
