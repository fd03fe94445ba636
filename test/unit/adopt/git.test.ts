import { describe, expect, it } from 'vitest';
import { parseDiff } from '../../../src/adopt/git.js';

const DIFF = `diff --git a/k8s/web.yaml b/k8s/web.yaml
index 2dbf349..4063e69 100644
--- a/k8s/web.yaml
+++ b/k8s/web.yaml
@@ -4,0 +5,2 @@ metadata:
+  labels:
+    app: web
@@ -9 +11 @@ spec:
-      image: nginx:1.26
+      image: nginx:latest
@@ -20,3 +22,0 @@ spec:
-        - a
-        - b
-        - c
diff --git a/old.yaml b/new name.yaml
similarity index 90%
rename from old.yaml
rename to new name.yaml
--- a/old.yaml
+++ b/new name.yaml
@@ -1 +1 @@
-a: 1
+a: 2
diff --git a/gone.yaml b/gone.yaml
deleted file mode 100644
--- a/gone.yaml
+++ /dev/null
@@ -1,2 +0,0 @@
-a: 1
-b: 2
diff --git "a/gr\\303\\274\\303\\237e\\t.yaml" "b/gr\\303\\274\\303\\237e\\t.yaml"
--- "a/gr\\303\\274\\303\\237e\\t.yaml"
+++ "b/gr\\303\\274\\303\\237e\\t.yaml"
@@ -0,0 +1,2 @@
+a: 1
+b: 2
diff --git a/top.yaml b/top.yaml
--- a/top.yaml
+++ b/top.yaml
@@ -1 +0,0 @@
-first: line
`;

describe('git diff parsing', () => {
  const files = parseDiff(DIFF);

  it('collects added and changed lines by the path on the new side', () => {
    expect([...(files.get('k8s/web.yaml') ?? [])].sort((a, b) => a - b)).toEqual([5, 6, 11, 22, 23]);
    expect([...(files.get('new name.yaml') ?? [])]).toEqual([1]);
  });

  it('counts the lines around a deletion as changed, and skips deleted files', () => {
    // Three lines deleted after new line 22: lines 22 and 23 border the gap.
    expect(files.get('k8s/web.yaml')?.has(22)).toBe(true);
    expect(files.get('k8s/web.yaml')?.has(23)).toBe(true);
    expect(files.has('gone.yaml')).toBe(false);
    expect([...(files.get('top.yaml') ?? [])]).toEqual([1]);
  });

  it('reads the paths that git quotes', () => {
    expect([...(files.get('grüße\t.yaml') ?? [])]).toEqual([1, 2]);
  });
});
