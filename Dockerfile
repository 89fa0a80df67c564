# Build a release binary in the official Swift image, run it in a slim Debian image.
FROM swift:6.2-bookworm AS build
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Migrations ./Migrations
COPY Sources ./Sources
# The manifest names the test targets' folders, so they must exist for it to load.
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product newsapi \
    && mkdir -p /out \
    && cp .build/release/newsapi /out/ \
    && cp -R .build/release/*.resources /out/

FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin newsapi \
    && mkdir -p /data \
    && chown 10001 /data
WORKDIR /app
COPY --from=build /out/ /app/
COPY seeds /app/seeds
VOLUME ["/data"]
USER 10001
EXPOSE 8080
ENTRYPOINT ["/app/newsapi"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--db", "/data/news.sqlite", "--seeds", "/app/seeds"]
