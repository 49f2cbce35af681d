package org.yiwang.identity.person;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a login attempt comes from. The address is the connection's peer; behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the client's. {@link #maskedAddress()} is what the login
 * history keeps: the /24 network for IPv4, the /48 for IPv6.
 */
public record ClientInfo(String address, String userAgent) {

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        agent = agent == null ? "" : agent.strip();
        return new ClientInfo(request.getRemoteAddr(), agent.length() > 300 ? agent.substring(0, 300) : agent);
    }

    public String maskedAddress() {
        if (address.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return address.substring(0, address.lastIndexOf('.')) + ".0/24";
        }
        if (!address.matches("[0-9A-Fa-f:]+") || !address.contains(":")) {
            return "-";
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int[] groups = new int[8];
            for (int i = 0; i < 3; i++) {
                groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
            }
            return compressed(groups) + "/48";
        } catch (UnknownHostException e) {
            return "-";
        }
    }

    /** RFC 5952 text of an IPv6 address: lower-case hex, the longest run of zero groups as {@code ::}. */
    private static String compressed(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
