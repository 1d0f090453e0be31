#!/usr/bin/env bash
# Checks that every ActAs service still builds for native: runs the Quarkus native build up to the point where it
# would call native-image (`-Dquarkus.native.sources-only=true` writes target/native-sources/ instead): every
# Quarkus native build step (reflection and resource registration, runtime-init decisions, the native-image
# arguments) runs, without GraalVM/Mandrel or a container runtime. It does not run native-image's own analysis, so
# e.g. a SecureRandom created in a build-time-initialised class is only caught by a real build (native.yml, or
# /work/shared/tools/native on this machine).
#
#   deploy/native/check-native-sources.sh                  # all five services
#   deploy/native/check-native-sources.sh org-service ...  # some of them
#
# Exit status 0 when every service succeeded, 1 otherwise. Logs: target/native-check/<service>.log at the root.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
services=("$@")
if [ ${#services[@]} -eq 0 ]; then
    services=(token-service policy-service org-service audit-service notification-service)
fi

# a JDK 21 or newer (the default java here may be 17)
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
        if [ -x "${candidate}/bin/java" ]; then
            export JAVA_HOME="${candidate}"
            break
        fi
    done
fi
MVN="${MVN:-mvn}"
logs="${root}/target/native-check"
mkdir -p "${logs}"

failed=()
for service in "${services[@]}"; do
    if [ ! -f "${root}/${service}/pom.xml" ]; then
        echo "✗ ${service}: no such module" >&2
        failed+=("${service}")
        continue
    fi
    log="${logs}/${service}.log"
    started=$(date +%s)
    if (cd "${root}" && "${MVN}" -B package -Dnative -Dquarkus.native.sources-only=true -DskipTests \
            -pl "${service}" -am >"${log}" 2>&1) \
            && [ -f "${root}/${service}/target/native-sources/native-image.args" ]; then
        echo "✓ ${service}: native sources in ${service}/target/native-sources ($(( $(date +%s) - started )) s)"
    else
        echo "✗ ${service}: failed ($(( $(date +%s) - started )) s), see ${log}:" >&2
        grep -E '^\[ERROR\]' "${log}" | head -15 >&2
        failed+=("${service}")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "native sources failed for: ${failed[*]}" >&2
    exit 1
fi
echo "native sources built for all ${#services[@]} services"
