# claimsdb: the same steps as `make serve` (install, migrate, seed, serve), as a non-root user.
# Seeding only adds what is new in the seed files: a restart keeps what the API wrote.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATABASE_URL=sqlite:////var/lib/claimsdb/claimsdb.db

RUN useradd --system --create-home --home-dir /var/lib/claimsdb --shell /usr/sbin/nologin claimsdb

WORKDIR /src
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
# a wheel install: migrations and seeds travel inside the package (see pyproject.toml)
RUN pip install . && rm -rf /src

USER claimsdb
WORKDIR /var/lib/claimsdb
# the database: mount a named volume here (README.md, Docker) and it outlives the container
VOLUME ["/var/lib/claimsdb"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request, os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/readyz')"

CMD ["sh", "-c", "exec claimsdb serve --migrate --seed --host \"$HOST\" --port \"$PORT\""]
