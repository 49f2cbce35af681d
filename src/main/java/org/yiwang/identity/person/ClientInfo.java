package org.yiwang.identity.person;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a login attempt comes from. The address is the connection's peer; behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the client's. {@link #maskedAddress()} is what the login
 * history keeps: the /24 network for IPv4, the /48 for IPv6.
 */
record ClientInfo(String address, String userAgent) {

    static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        agent = agent == null ? "" : agent.strip();
        return new ClientInfo(request.getRemoteAddr(), agent.length() > 300 ? agent.substring(0, 300) : agent);
    }

    String maskedAddress() {
        if (address.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return address.substring(0, address.lastIndexOf('.')) + ".0/24";
        }
        if (address.contains(":")) {
            String[] groups = address.split(":", -1);
            return groups.length >= 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : "::/48";
        }
        return "-";
    }
}
