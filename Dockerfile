# clearpath in a container. UNTESTED HERE: no container registry is reachable from the machines
# this project is built on, so the base images cannot be pulled and this file has not been built.
# See docs/deploy.md. Secrets are files (mounted at /run/secrets), never environment values; the
# encrypted data lives on the /data volume.

# --- build -------------------------------------------------------------------------------------
FROM rust:1.85-slim-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends pkg-config libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The whole workspace, vendor/ (the patched sled) included; Cargo.lock is honoured exactly.
COPY . .
RUN cargo build --release --locked --bin clearpath

# --- run ---------------------------------------------------------------------------------------
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /data --shell /usr/sbin/nologin clearpath \
 && mkdir -p /data && chown clearpath:clearpath /data && chmod 700 /data
COPY --from=build /src/target/release/clearpath /usr/local/bin/clearpath
USER clearpath
ENV CLEARPATH_DATA_DIR=/data \
    CLEARPATH_MASTER_KEY_FILE=/run/secrets/master.key \
    TELOXIDE_TOKEN_FILE=/run/secrets/token
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/clearpath"]
CMD ["serve"]
