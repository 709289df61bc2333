// Package truth is what every Go corpus program shares: its requests, the markers between log
// calls, and the ground truth, taken from the runtime (runtime.Callers at the failure) and the
// error values themselves (errors.Unwrap), never from printed text.
package truth

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
)

type Request struct {
	N         int    `json:"n"`
	SessionID string `json:"sessionId"`
	Token     string `json:"token"`
	Style     string `json:"style"`
	Scenario  string `json:"scenario"`
}

type Frame struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Function string `json:"function"`
}

type Described struct {
	Relation string  `json:"relation,omitempty"`
	Type     string  `json:"type"`
	Message  string  `json:"message"`
	Frames   []Frame `json:"frames"`
}

var (
	out  *os.File
	n, k int
)

func Requests() []Request {
	var err error
	out, err = os.OpenFile(os.Getenv("CORPUS_TRUTH"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		panic(err)
	}
	data, err := os.ReadFile(os.Getenv("CORPUS_PLAN"))
	if err != nil {
		panic(err)
	}
	var plan struct{ Requests []Request }
	if err := json.Unmarshal(data, &plan); err != nil {
		panic(err)
	}
	return plan.Requests
}

func write(record map[string]any) {
	line, _ := json.Marshal(record)
	out.Write(append(line, '\n'))
}

func Begin(r Request) {
	n, k = r.N, 0
	write(map[string]any{"kind": "request", "n": r.N, "sessionId": r.SessionID, "style": r.Style, "scenario": r.Scenario})
}

// Here returns the frames from its caller down, as the runtime knows them.
func Here() []Frame {
	return frames(3)
}

// Panicking, called in a deferred function while a panic unwinds, returns the frames from the
// one that panicked down: the stack is still whole then, above runtime.gopanic.
func Panicking() []Frame {
	all := frames(3)
	for i, f := range all {
		if f.Function == "runtime.gopanic" {
			rest := all[i+1:]
			for len(rest) > 0 && strings.HasPrefix(rest[0].Function, "runtime.") {
				rest = rest[1:]
			}
			return rest
		}
	}
	return all
}

func frames(skip int) []Frame {
	pcs := make([]uintptr, 64)
	count := runtime.Callers(skip, pcs)
	iter := runtime.CallersFrames(pcs[:count])
	list := []Frame{}
	for {
		f, more := iter.Next()
		if f.Function != "runtime.goexit" && f.Function != "runtime.main" {
			list = append(list, Frame{File: f.File, Line: f.Line, Function: f.Function})
		}
		if !more {
			break
		}
	}
	return list
}

// Call marks the start of one log call and records it; failure is nil for plain lines.
func Call(level string, failure *Failure) {
	k++
	marker := fmt.Sprintf("##corpus:%d.%d##\n", n, k)
	os.Stdout.WriteString(marker)
	os.Stderr.WriteString(marker)
	record := map[string]any{"kind": "call", "n": n, "k": k, "level": level, "tagged": true}
	if failure != nil {
		record["error"] = map[string]any{"type": failure.Type, "message": failure.Message, "frames": failure.Frames, "causes": failure.Causes, "causesPrinted": failure.CausesPrinted}
	}
	write(record)
}

// Failure is what the program knows about what went wrong, where it went wrong.
type Failure struct {
	Type, Message string
	Frames        []Frame
	Causes        []Described
	CausesPrinted bool
}

// FromError describes an error chain: the outer error, then each errors.Unwrap step. A Go error
// prints as one message: the chain's types never reach the log, so CausesPrinted is false.
func FromError(err error, frames []Frame) *Failure {
	f := &Failure{Type: fmt.Sprintf("%T", err), Message: err.Error(), Frames: frames, Causes: []Described{}, CausesPrinted: false}
	for inner := errors.Unwrap(err); inner != nil; inner = errors.Unwrap(inner) {
		f.Causes = append(f.Causes, Described{Relation: "cause", Type: fmt.Sprintf("%T", inner), Message: inner.Error(), Frames: []Frame{}})
	}
	return f
}
