// Standard library only: a recovered panic logged with debug.Stack by a middleware, and at the
// end an unrecovered panic that takes the process down with a goroutine dump (GOTRACEBACK=all).
package main

import (
	"fmt"
	"log"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"corpus/shop"
	"corpus/truth"
)

var logger = log.New(os.Stderr, "", log.LstdFlags|log.Lmicroseconds|log.LUTC)

func handle(r truth.Request) {
	defer func() {
		if v := recover(); v != nil {
			frames := truth.Panicking()
			// log.Printf states no level.
			truth.Call("none", &truth.Failure{Type: fmt.Sprintf("%T", v), Message: fmt.Sprint(v), Frames: frames, Causes: []truth.Described{}, CausesPrinted: true})
			logger.Printf("http: panic serving 10.0.0.7:51234 openReplaySession.id=%s: %v\n%s", r.SessionID, v, debug.Stack())
		}
	}()
	truth.Call("none", nil) // the standard logger states no level
	logger.Printf("GET /reindex openReplaySession.id=%s", r.SessionID)
	if r.Scenario == "ok" {
		return
	}
	shop.Reindex([]string{"a", "b"})
}

func crash(r truth.Request) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // a second goroutine, so the dump shows more than one
		defer wg.Done()
		time.Sleep(time.Hour)
	}()
	message := "openReplaySession.id=" + r.SessionID + ": reindex: inventory snapshot missing"
	defer func() { // records where it panicked, without recovering: the panic goes on
		// The panic value is a string: %T of it.
		truth.Call("fatal", &truth.Failure{Type: fmt.Sprintf("%T", message), Message: message, Frames: truth.Panicking(), Causes: []truth.Described{}, CausesPrinted: true})
	}()
	shop.Snapshot(message)
}

func main() {
	for _, r := range truth.Requests() {
		truth.Begin(r)
		if r.Style == "crash" {
			crash(r)
		}
		handle(r)
	}
}
