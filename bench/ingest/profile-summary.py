#!/usr/bin/env python3
"""Top methods by CPU samples in a JFR recording: `profile-summary.py service.jfr [N]`.
Counts each sample's top frame (self) and every frame once per sample (total)."""
import collections, json, subprocess, sys

jfr, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", jfr],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
self_count, total_count = collections.Counter(), collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"]
    names = [f'{f["method"]["type"]["name"]}.{f["method"]["name"]}' for f in frames]
    if names:
        self_count[names[0]] += 1
    for n in set(names):
        total_count[n] += 1
n = len(events)
print(f"{n} samples")
print("self:")
for name, c in self_count.most_common(top):
    print(f"  {100*c/n:5.1f}%  {name}")
print("total (inclusive), our code and the main libraries:")
for name, c in total_count.most_common(400):
    if any(k in name for k in ("dev.billing", "KafkaProducer.send", "RecordAccumulator", "Lz4", "lz4", "JsonGenerator", "JsonParser", "resteasy", "MessageDigest", "DateTimeFormatter")):
        print(f"  {100*c/n:5.1f}%  {name}")
