"""The one place nixwright talks HTTP: downloads with progress, into a file, atomically."""

from __future__ import annotations

import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nixwright.errors import NixwrightError

# (bytes done, bytes in total or None when the server does not say)
ByteProgress = Callable[[int, int | None], None]
_CHUNK = 1 << 16
USER_AGENT = "nixwright"


@dataclass(frozen=True)
class Downloaded:
    url: str
    path: Path
    size: int


def download(
    url: str, dest: Path, *, progress: ByteProgress | None = None, timeout: float = 60.0
) -> Downloaded:
    """GET ``url`` into ``dest`` (written to a temp file, renamed when complete).

    Raises ``NixwrightError`` naming the URL on HTTP errors, network errors and short reads; a
    failed download never leaves a partial ``dest``.
    """
    if not url.startswith(("http://", "https://")):
        raise NixwrightError(f"{url}: only http and https URLs can be downloaded")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            total_header = response.headers.get("Content-Length")
            total = int(total_header) if total_header and total_header.isdigit() else None
            done = 0
            while chunk := response.read(_CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        _check_complete(url, done, total)
        tmp.replace(dest)
    except urllib.error.HTTPError as err:
        tmp.unlink(missing_ok=True)
        raise NixwrightError(f"{url}: HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        tmp.unlink(missing_ok=True)
        reason = getattr(err, "reason", err)
        raise NixwrightError(
            f"{url}: cannot download: {reason}",
            hint="check the network, or build from local files: nixwright db build --from DIR",
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Downloaded(url, dest, done)


def _check_complete(url: str, done: int, total: int | None) -> None:
    if total is not None and done != total:
        raise NixwrightError(f"{url}: download cut short ({done} of {total} bytes)", hint="try again")
