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

/** Registration of OpenID Connect clients by a platform administrator. The secret appears only in the POST answer. */
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

    private static void requirePlatformAdmin() {
        if (!CurrentStaff.require().has(StaffRole.PLATFORM_ADMIN)) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
    }
}
