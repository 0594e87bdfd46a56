# peerlink container image: a release build on Debian, run as an unprivileged user.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY migrations migrations
COPY locales locales
RUN cargo build --release --locked

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/peerlink --create-home peerlink
COPY --from=build /src/target/release/peerlink /usr/local/bin/peerlink
COPY config/peerlink.example.toml /etc/peerlink/peerlink.toml
USER peerlink
WORKDIR /var/lib/peerlink
ENV PEERLINK_CONFIG=/etc/peerlink/peerlink.toml \
    PEERLINK__DATA_DIR=/var/lib/peerlink/data
VOLUME ["/var/lib/peerlink"]
ENTRYPOINT ["peerlink"]
CMD ["run"]
