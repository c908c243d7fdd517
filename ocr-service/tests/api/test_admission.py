import threading

import pytest

from ocr_service.api.admission import AdmissionGate
from ocr_service.errors import Busy


def test_gate_refuses_beyond_its_pending_bound_and_frees_slots():
    gate = AdmissionGate(running=1, pending=2)
    with gate.reserve(), gate.reserve():
        assert gate.pending == 2
        with pytest.raises(Busy) as caught, gate.reserve():
            pass
        assert caught.value.headers["Retry-After"] == "1"
    assert gate.pending == 0
    with gate.reserve():
        assert gate.pending == 1


def test_run_slot_lets_only_the_configured_number_run():
    gate = AdmissionGate(running=1, pending=4)
    inside, peak, lock = 0, 0, threading.Lock()

    def work():
        nonlocal inside, peak
        with gate.reserve(), gate.run_slot():
            with lock:
                inside += 1
                peak = max(peak, inside)
            threading.Event().wait(0.02)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == 1
