#!/usr/bin/env python3
"""Check that the program scores lines exactly as features.py and model.txt say it should.

    python3 tools/safety-model/crosscheck.py FILE [N]

Reads the first N (default 300) messages of a `tier<TAB>message` file, scores each with the
weights in Scripts/safety/model.txt the way train.py would, and compares the risk score that
`chat match --explain` prints (.build/debug/chat). Prints every line that differs by more than
the two decimals shown, and how many did.
"""
import base64, re, subprocess, sys
sys.path.insert(0,'tools/safety-model'); import features as F
m={}
for line in open('Scripts/safety/model.txt'):
    if line.startswith('#') or not line.strip(): continue
    p=line.split(); m[p[0]]=p[1:]
B=int(m['buckets'][0])
def head(k):
    b,sc,w=m[k]; import numpy as np
    return float(b),float(sc),np.frombuffer(base64.b64decode(w),dtype=np.int8).astype(float)
rb,rs,rw=head('risk')
def score(t):
    best=None
    for w in F.windows(t):
        v=F.vector(w,B)
        s=rb+sum(rw[k]*rs*x for k,x in v.items())
        best=s if best is None else max(best,s)
    return rb if best is None else best
lines=[l.split('\t',1)[1].rstrip('\n') for l in open(sys.argv[1]) if '\t' in l and not l.startswith('#')][:int(sys.argv[2]) if len(sys.argv) > 2 else 300]
out=subprocess.run(['.build/debug/chat','match','--explain'],input='\n'.join(lines)+'\n',capture_output=True,text=True).stdout
blocks=out.split('\ninput: ')
sw=[]
for b in blocks:
    mm=re.search(r'learned net: risk (-?[\d.]+)',b); sw.append(float(mm.group(1)) if mm else None)
print(len(lines),len(sw))
bad=0
for l,s in zip(lines,sw):
    if s is None: continue
    p=score(l)
    if abs(p-s)>0.011: bad+=1; print('DIFF',round(p,3),s,l[:80])
print('bad',bad)
