#!/usr/bin/env python3
"""Load on `subsidia serve` over loopback: N clients, each on its own kept-alive connection,
send M POST /api/verifier of one dossier and time each answer. Prints req/s, p50 and p99.

  bench/server_load.py [--clients 16] [--requets 500] [--binaire build/subsidia]

Starts its own server (temporary data folder, an account) unless --port and --jeton are given.
The client is Python: on a 2-core machine it competes with the server for the CPU, so the
figures are a floor of what the server does (docs/performance.md)."""
import argparse
import http.client
import json
import os
import sys
import threading
import time


def run_load(port, token, dossier, clients=16, requests=500):
    latencies, errors, lock = [], [], threading.Lock()
    body = dossier.encode("utf-8")
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    barrier = threading.Barrier(clients + 1)

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        barrier.wait()
        for _ in range(requests):
            start = time.perf_counter()
            try:
                conn.request("POST", "/api/verifier", body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                mine.append(time.perf_counter() - start)
                if r.status != 200 or json.loads(data)["resume"]["erreurs"] != 0:
                    with lock:
                        errors.append((r.status, data[:200]))
            except Exception as e:  # counted, reported, never hidden
                with lock:
                    errors.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    return {"count": len(latencies), "errors": errors, "seconds": elapsed,
            "rate": len(latencies) / elapsed if elapsed else 0.0, "p50": pct(0.50), "p99": pct(0.99)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requetes", type=int, default=500)
    parser.add_argument("--binaire", default=os.path.join(root, "build", "subsidia"))
    parser.add_argument("--dossier", default=os.path.join(root, "cases", "ciblage-2019-non-affectee.json"))
    args = parser.parse_args()
    os.environ["SUBSIDIA_BINARY"] = args.binaire
    os.environ["SUBSIDIA_SOURCE_DIR"] = root
    sys.path.insert(0, os.path.join(root, "tests", "server"))
    from harness import Server
    server = Server()
    try:
        token = server.login("juriste")
        with open(args.dossier, encoding="utf-8") as f:
            dossier = f.read()
        run_load(server.port, token, dossier, clients=2, requests=50)  # warm-up
        r = run_load(server.port, token, dossier, clients=args.clients, requests=args.requetes)
        print("%d requêtes, %d clients : %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d erreur(s)"
              % (r["count"], args.clients, r["rate"], r["p50"], r["p99"], len(r["errors"])))
        for e in r["errors"][:5]:
            print("erreur :", e)
        return 1 if r["errors"] else 0
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
