#!/bin/bash
# Container healthcheck that needs nothing but bash: Temurin images promise neither curl nor wget
# (the JDK 22+ images already dropped curl), so this speaks one HTTP/1.0 request over bash's /dev/tcp.
#
#   healthcheck [port] [path] [expected-status]
#     port             default: $SERVER_PORT, else 8080
#     path             default: /actuator/health (Spring Boot answers 200 when UP, 503 when not)
#     expected-status  default: 200; "any" accepts any HTTP answer (the HubSpot simulator answers 401
#                      to a request without a token, which still proves it is serving)
#
# Exits 0 when healthy and 1 otherwise, the only codes Docker defines; prints the status line, which
# `docker inspect` shows in the container's health log.

port="${1:-${SERVER_PORT:-8080}}"
path="${2:-/actuator/health}"
expected="${3:-200}"

if ! exec 3<>"/dev/tcp/127.0.0.1/${port}"; then
    echo "nothing listens on port ${port}"
    exit 1
fi
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
if ! IFS= read -r -t 5 status_line <&3; then
    echo "no answer on port ${port} within 5s"
    exit 1
fi
exec 3<&-
status_line="${status_line%$'\r'}"
read -r protocol code _ <<<"${status_line}"

if [[ "${protocol}" != HTTP/* ]]; then
    echo "not an HTTP answer on port ${port}: ${status_line}"
    exit 1
fi
echo "GET ${path}: ${status_line}"
if [[ "${expected}" == "any" || "${code}" == "${expected}" ]]; then
    exit 0
fi
exit 1
