from tests.test_reports import *  # noqa
import pytest

async def test_show(app, admin, clock):
    await build_world(app, admin, clock)
    for c in (f"/report {EXCHANGE}", f"/stats {EXCHANGE}", f"/export {EXCHANGE}"):
        await admin.send(c)
        print("\n>>>", c); print(admin.text)
    fr = ChatDriver(app, F1)
    async with app.sessions() as s:
        p = await participants.get_for_update(s, F1); p.language = "ar"; await s.commit()
    await fr.send("/report")
    print(fr.text)
    d = admin.last.replies[0].document
    with zipfile.ZipFile(io.BytesIO(d.content)) as z:
        for n in z.namelist(): print("==", n); print(z.read(n).decode()[:400])
