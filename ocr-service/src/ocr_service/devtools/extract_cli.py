"""`./cesta extract FILE... --out DIR`: each file through a real service, the answer saved as JSON."""

from __future__ import annotations

import argparse
import base64
import json
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from ocr_service.devtools.local_service import LocalService


def _send(client: httpx.Client, service: LocalService, path: Path) -> tuple[Path, int, dict[str, Any]]:
    body = {"ticket_id": str(uuid.uuid4()), "file_name": path.name,
            "file_content_b64": base64.b64encode(path.read_bytes()).decode()}
    for _attempt in range(3):  # the service may answer 503 when all its workers are busy
        answer = client.post(f"{service.url}/ocr/process", json=body, headers=service.headers)
        if answer.status_code != 503:
            break
    return path, answer.status_code, answer.json()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cesta extract", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--parallel", type=int, default=2, help="requests in flight at once")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    files = [f for f in args.files if f.is_file()]
    missing = [f for f in args.files if not f.is_file()]
    for f in missing:
        print(f"not a file: {f}", file=sys.stderr)
    failures = len(missing)
    with (LocalService(workers=args.workers) as service, httpx.Client(timeout=120) as client,
          ThreadPoolExecutor(max_workers=max(1, args.parallel)) as pool):
        for path, status, answer in pool.map(lambda p: _send(client, service, p), files):
            (args.out / f"{path.stem}.json").write_text(json.dumps(answer, indent=1, ensure_ascii=False))
            if status != 200:
                failures += 1
                print(f"{path.name}: HTTP {status} {answer.get('code')}: {answer.get('message')}", file=sys.stderr)
    print(f"extracted {len(files) - (failures - len(missing))}/{len(args.files)} files into {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
